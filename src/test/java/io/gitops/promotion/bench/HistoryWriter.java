package io.gitops.promotion.bench;

import io.gitops.promotion.bench.HistoryStep.Touched;
import io.gitops.promotion.bench.WorkloadModel.App;
import io.gitops.promotion.bench.WorkloadModel.Service;
import io.gitops.promotion.state.PromotionRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.TagSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes a synthetic repository's commits straight into an object database: the initial tree, then
 * one commit per history step. No work tree, no index: each commit costs the blobs it changes, the
 * trees above them and the commit object.
 */
final class HistoryWriter {
  static final Instant START = Instant.parse("2024-01-02T08:00:00Z");

  private final WorkloadModel model;
  private final ObjectInserter inserter;
  private final SplittableRandom random;
  private final IncrementalTree tree = new IncrementalTree();
  private Instant clock = START;

  HistoryWriter(WorkloadModel model, ObjectInserter inserter, SplittableRandom random) {
    this.model = model;
    this.inserter = inserter;
    this.random = random;
  }

  /** Writes the initial commit and {@code commits - 1} history commits; returns the head. */
  ObjectId write(int commits) throws IOException {
    put(
        "README.md",
        "# GitOps repository\n\nArgo CD syncs `workloads/`. Overlays per environment: "
            + String.join(", ", WorkloadModel.ENVIRONMENTS)
            + ".\n");
    put("workloads/promote-state.yaml", initialState());
    for (Service service : model.services) {
      put(service.basePath(), OverlayTemplate.base(service));
      for (int env = 0; env < WorkloadModel.ENVIRONMENTS.size(); env++) {
        put(service.overlayPath(env), OverlayTemplate.overlay(service, env));
      }
    }
    ObjectId head = commit(null, "platform-team", "Initial GitOps repository\n");
    for (int i = 1; i < commits; i++) {
      HistoryStep step = HistoryStep.next(model, random);
      for (Touched touched : step.touched()) {
        put(
            touched.service().overlayPath(touched.env()),
            OverlayTemplate.overlay(touched.service(), touched.env()));
      }
      head = commit(head, step.author(), step.message());
    }
    return head;
  }

  private void put(String path, String content) throws IOException {
    tree.put(path, inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
  }

  private ObjectId commit(ObjectId parent, String author, String message) throws IOException {
    clock = clock.plusSeconds(60 + random.nextInt(900));
    PersonIdent ident =
        new PersonIdent(
            author,
            author.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com",
            clock,
            ZoneOffset.UTC);
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree.write(inserter));
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(ident);
    commit.setCommitter(ident);
    commit.setMessage(message);
    return inserter.insert(commit);
  }

  /** The last DEV -> TST promotion of every group, as the tool itself records it. */
  private String initialState() {
    StateFile state = StateFile.empty();
    for (int g = 0; g < model.groups.size(); g++) {
      TagSnapshot.Builder pre = TagSnapshot.builder();
      TagSnapshot.Builder post = TagSnapshot.builder();
      List<Service> services = model.servicesOf(g);
      for (Service service : services) {
        for (App app : service.apps) {
          pre.put(service.name, app.name, app.tags[WorkloadModel.STG].toString());
          post.put(service.name, app.name, app.tags[WorkloadModel.TST].toString());
        }
      }
      String version = services.get(0).apps.get(0).tags[WorkloadModel.TST].toString();
      PromotionRecord record =
          new PromotionRecord(
              "seed-" + model.groups.get(g),
              version,
              "DEV",
              "TST",
              START,
              "release-bot",
              "v" + version,
              null);
      state =
          state.withEntry(
              "TST",
              new StateEntry(model.groups.get(g), record, pre.build(), post.build(), List.of()));
    }
    return state.render();
  }
}
