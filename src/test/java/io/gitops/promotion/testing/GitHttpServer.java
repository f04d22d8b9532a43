package io.gitops.promotion.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A real Git smart-HTTP server on loopback (JGit's GitServlet on Jetty) with basic authentication,
 * serving the bare repositories under one directory at {@code http://127.0.0.1:<port>/git/<name>}.
 */
public final class GitHttpServer implements AutoCloseable {
  private final Server server;
  private final Path root;

  private GitHttpServer(Server server, Path root) {
    this.server = server;
    this.root = root;
  }

  /** Starts a server whose only user is {@code username} / {@code password}. */
  public static GitHttpServer start(Path bareRepositories, String username, String password)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    GitServlet git = new GitServlet();
    git.setRepositoryResolver((request, name) -> open(bareRepositories, name));
    git.setReceivePackFactory((request, db) -> new ReceivePack(db));

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(git), "/git/*");
    context.setSecurityHandler(basicAuth(username, password));
    server.setHandler(context);
    server.start();
    return new GitHttpServer(server, bareRepositories);
  }

  public String url(String repositoryName) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return "http://127.0.0.1:" + port + "/git/" + repositoryName;
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static Repository open(Path root, String name) throws RepositoryNotFoundException {
    Path dir = root.resolve(name).normalize();
    if (!dir.startsWith(root) || !dir.toFile().isDirectory()) {
      throw new RepositoryNotFoundException(name);
    }
    try {
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    } catch (IOException e) {
      throw new RepositoryNotFoundException(name, e);
    }
  }

  private static ConstraintSecurityHandler basicAuth(String username, String password) {
    UserStore users = new UserStore();
    users.addUser(username, Credential.getCredential(password), new String[] {"git"});
    HashLoginService login = new HashLoginService("git");
    login.setUserStore(users);
    ConstraintMapping everything = new ConstraintMapping();
    everything.setPathSpec("/*");
    everything.setConstraint(Constraint.from("git"));
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(login);
    security.addConstraintMapping(everything);
    return security;
  }
}
