package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake answers with GitLab's documented shapes and errors, checked over plain HTTP. */
class FakeGitLabServerIT {

  private static final String COMMIT = "8f2e6b1c0d9a7e5f4b3c2d1e0f9a8b7c6d5e4f3a";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  @AutoClose private final FakeGitLabServer server = FakeGitLabServer.start();

  @BeforeEach
  void seed() {
    server.addProject(1234, "devops/argocd");
    server.addBranch("1234", "main", COMMIT);
  }

  @Test
  void aRequestWithoutTheTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/projects/1234")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
  }

  @Test
  void projectsAreFoundByEncodedPathAndMissingOnesAreNotFound() throws Exception {
    JsonNode project = body(get("/projects/devops%2Fargocd"), 200);
    assertThat(project.get("id").asLong()).isEqualTo(1234);
    assertThat(project.get("path_with_namespace").asText()).isEqualTo("devops/argocd");
    assertThat(project.get("web_url").asText()).isEqualTo(server.url() + "/devops/argocd");

    assertThat(get("/projects/9999").body()).isEqualTo("{\"message\":\"404 Project Not Found\"}");
  }

  @Test
  void tagsHaveTheDocumentedShapeAndADuplicateIsRefused() throws Exception {
    JsonNode created =
        body(
            send(
                "POST",
                "/projects/1234/repository/tags",
                "application/x-www-form-urlencoded",
                "tag_name=v1.5.0&ref=main"),
            201);
    assertThat(created.get("name").asText()).isEqualTo("v1.5.0");
    assertThat(created.get("target").asText()).isEqualTo(COMMIT);
    assertThat(created.get("message").isNull()).isTrue();
    assertThat(created.get("commit").get("id").asText()).isEqualTo(COMMIT);
    assertThat(created.get("commit").get("short_id").asText()).isEqualTo("8f2e6b1c");
    assertThat(created.get("commit").get("parent_ids").isArray()).isTrue();
    assertThat(created.get("protected").asBoolean()).isFalse();

    assertThat(body(get("/projects/1234/repository/tags/v1%2E5%2E0"), 200).get("name").asText())
        .isEqualTo("v1.5.0");
    assertThat(get("/projects/1234/repository/tags/v9").body())
        .isEqualTo("{\"message\":\"404 Tag Not Found\"}");
    HttpResponse<String> duplicate =
        send(
            "POST",
            "/projects/1234/repository/tags",
            "application/x-www-form-urlencoded",
            "tag_name=v1.5.0&ref=main");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).isEqualTo("{\"message\":\"Tag v1.5.0 already exists\"}");
  }

  @Test
  void aReleaseNeedsARefForAMissingTagAndLinksToItself() throws Exception {
    HttpResponse<String> withoutRef =
        send(
            "POST",
            "/projects/1234/releases",
            "application/json",
            "{\"tag_name\":\"v1.5.0\",\"name\":\"v1.5.0\"}");
    assertThat(withoutRef.statusCode()).isEqualTo(422);
    assertThat(withoutRef.body()).isEqualTo("{\"message\":\"Ref is not specified\"}");

    JsonNode release =
        body(
            send(
                "POST",
                "/projects/1234/releases",
                "application/json",
                "{\"tag_name\":\"v1.5.0\",\"name\":\"v1.5.0\",\"ref\":\"main\",\"description\":\"notes\"}"),
            201);
    assertThat(release.get("tag_name").asText()).isEqualTo("v1.5.0");
    assertThat(release.get("description").asText()).isEqualTo("notes");
    assertThat(release.get("commit").get("id").asText()).isEqualTo(COMMIT);
    assertThat(release.get("_links").get("self").asText())
        .isEqualTo(server.url() + "/devops/argocd/-/releases/v1.5.0");
    assertThat(server.tags("1234")).extracting(FakeTag::name).containsExactly("v1.5.0");

    HttpResponse<String> again =
        send("POST", "/projects/1234/releases", "application/json", "{\"tag_name\":\"v1.5.0\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("{\"message\":\"Release already exists\"}");
  }

  @Test
  void deploymentsArePagedAndFilteredByUpdateTimeOnlyWhenSortedByIt() throws Exception {
    Instant at = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      server.addDeployment("1234", "TST", COMMIT, "main", false, "success", at.plusSeconds(i));
    }

    HttpResponse<String> page = get("/projects/1234/deployments?per_page=2&page=1");
    assertThat(page.headers().firstValue("X-Total")).contains("3");
    assertThat(page.headers().firstValue("X-Total-Pages")).contains("2");
    assertThat(page.headers().firstValue("X-Next-Page")).contains("2");
    JsonNode first = body(page, 200).get(0);
    assertThat(first.get("environment").get("name").asText()).isEqualTo("TST");
    assertThat(first.get("status").asText()).isEqualTo("success");
    assertThat(first.get("created_at").asText()).isEqualTo("2026-01-01T10:00:00.000Z");

    HttpResponse<String> unsorted =
        get("/projects/1234/deployments?updated_after=2026-01-01T10:00:00Z");
    assertThat(unsorted.statusCode()).isEqualTo(400);
    assertThat(unsorted.body())
        .isEqualTo(
            "{\"message\":\"400 Bad request - `updated_at` filter requires `updated_at` sort\"}");
    assertThat(
            body(
                get(
                    "/projects/1234/deployments?updated_after=2026-01-01T10:00:00Z&order_by=updated_at"),
                200))
        .hasSize(2);
  }

  @Test
  void aDuplicateEnvironmentIsAValidationError() throws Exception {
    server.addEnvironment("1234", "TST", "testing");

    HttpResponse<String> duplicate =
        send(
            "POST",
            "/projects/1234/environments",
            "application/x-www-form-urlencoded",
            "name=TST&tier=testing");

    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).isEqualTo("{\"message\":{\"name\":[\"has already been taken\"]}}");
  }

  private URI uri(String path) {
    return URI.create(server.url() + "/api/v4" + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("PRIVATE-TOKEN", server.token());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> response, int expectedStatus)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }
}
