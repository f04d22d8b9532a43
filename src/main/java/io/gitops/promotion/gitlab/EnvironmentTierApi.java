package io.gitops.promotion.gitlab;

import jakarta.ws.rs.core.Response;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.GitLabApiForm;
import org.gitlab4j.api.models.Environment;

/**
 * {@code PUT /projects/:id/environments/:environment_id} with a new tier. gitlab4j 6.2.0's {@code
 * EnvironmentsApi.updateEnvironment} passes its form as the first path segment as well, so its
 * request goes to a wrong URL; this sends the same request correctly.
 */
final class EnvironmentTierApi extends AbstractApi {

  EnvironmentTierApi(GitLabApi gitLabApi) {
    super(gitLabApi);
  }

  Environment updateTier(String projectId, long environmentId, String tier)
      throws GitLabApiException {
    GitLabApiForm form = new GitLabApiForm().withParam("tier", tier, true);
    Response response =
        putWithFormData(
            Response.Status.OK,
            form,
            "projects",
            getProjectIdOrPath(projectId),
            "environments",
            environmentId);
    return response.readEntity(Environment.class);
  }
}
