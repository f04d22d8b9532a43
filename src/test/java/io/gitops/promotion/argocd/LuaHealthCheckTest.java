package io.gitops.promotion.argocd;

import static io.gitops.promotion.argocd.LuaHealthCheck.CUSTOMIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaError;

/**
 * The Lua sandbox of these tests is as strict as Argo CD with argocd-cm scripts, whose default is
 * {@code useOpenLibs: false}: base, package and table only. Otherwise a script could pass here and
 * fail in Argo CD.
 */
class LuaHealthCheckTest {
  /** Libraries Argo CD does not open for argocd-cm scripts (its os is a reduced, safe one). */
  static final Pattern WITHHELD_LIBRARY =
      Pattern.compile("\\b(string|math|io|os|debug|coroutine|utf8)\\s*\\.|:\\s*\\w+\\s*\\(");

  @TempDir Path dir;

  @Test
  void scriptUsingTheStringLibraryFailsAsInArgoCd() throws IOException {
    Path script =
        Files.writeString(
            dir.resolve("health.lua"), "return { status = string.upper('healthy') }\n");
    assertThatThrownBy(
            () -> LuaHealthCheck.load(script).assess(JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(LuaError.class);
  }

  @Test
  void statusArgoCdDoesNotKnowIsRejected() throws IOException {
    Path script = Files.writeString(dir.resolve("health.lua"), "return { status = 'Ready' }\n");
    assertThatThrownBy(
            () -> LuaHealthCheck.load(script).assess(JsonNodeFactory.instance.objectNode()))
        .hasMessageContaining("shows as Unknown");
  }

  @Test
  void healthScriptsCallNoLibraryArgoCdWithholds() throws IOException {
    for (String kind : ArgoCdHealthTestCasesTest.KINDS.keySet()) {
      String source = Files.readString(CUSTOMIZATIONS.resolve(kind).resolve("health.lua"));
      assertThat(
              WITHHELD_LIBRARY
                  .matcher(source.replaceAll("--[^\n]*", ""))
                  .results()
                  .map(r -> r.group()))
          .as(kind)
          .isEmpty();
    }
  }
}
