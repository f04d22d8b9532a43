package io.gitops.promotion.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;

/**
 * One {@code health.lua}, run as Argo CD runs a health script from argocd-cm: {@code obj} is a
 * global holding the resource, only the base, package and table libraries are open (no string, io
 * or os), and the returned table must carry one of Argo CD's health statuses.
 */
final class LuaHealthCheck {
  static final Path CUSTOMIZATIONS = Path.of("deploy", "argocd", "promotion.gitops.io");

  /** Argo CD answers any other status with Unknown. */
  static final Set<String> HEALTH_STATUSES =
      Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");

  /** What Argo CD shows for the resource; an absent message is empty. */
  record HealthStatus(String status, String message) {}

  private final Path file;
  private final String source;

  private LuaHealthCheck(Path file, String source) {
    this.file = file;
    this.source = source;
  }

  /** The health.lua of a kind, e.g. {@code Promotion}. */
  static LuaHealthCheck of(String kind) {
    return load(CUSTOMIZATIONS.resolve(kind).resolve("health.lua"));
  }

  static LuaHealthCheck load(Path file) {
    try {
      return new LuaHealthCheck(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HealthStatus assess(JsonNode resource) {
    Globals globals = new Globals();
    globals.load(new BaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", JsonLuaTable.of(resource));
    LuaValue hs = globals.load(source, file.toString()).call();
    if (!hs.istable()) {
      throw new AssertionError(file + " returned " + hs.typename() + ", Argo CD expects a table");
    }
    LuaValue status = hs.get("status");
    LuaValue message = hs.get("message");
    if (status.type() != LuaValue.TSTRING || !HEALTH_STATUSES.contains(status.tojstring())) {
      throw new AssertionError(
          file + " returned status " + status + ", which Argo CD shows as Unknown");
    }
    if (!message.isnil() && message.type() != LuaValue.TSTRING) {
      throw new AssertionError(
          file + " returned a " + message.typename() + " message, Argo CD expects a string");
    }
    return new HealthStatus(status.tojstring(), message.isnil() ? "" : message.tojstring());
  }
}
