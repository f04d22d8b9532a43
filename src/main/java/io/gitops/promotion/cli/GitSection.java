package io.gitops.promotion.cli;

import io.gitops.promotion.run.RunCounts;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a command cost in Git traffic, as a JSON object and as one line of text. */
final class GitSection {
  private GitSection() {}

  static Map<String, Object> json(RunCounts counts) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("roundTrips", counts.roundTrips());
    json.put("bytesFetched", counts.bytesFetched());
    json.put("bytesPushed", counts.bytesPushed());
    json.put("pushRejections", counts.pushRejections());
    return json;
  }

  static void print(RunCounts counts, PrintWriter out) {
    out.println(
        "Git: "
            + counts.roundTrips()
            + " round trip(s), "
            + counts.bytesFetched()
            + " bytes fetched, "
            + counts.bytesPushed()
            + " bytes pushed"
            + (counts.pushRejections() == 0
                ? ""
                : ", "
                    + counts.pushRejections()
                    + " push(es) rejected by other writers and re-planned"));
  }
}
