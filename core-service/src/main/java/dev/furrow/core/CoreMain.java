package dev.furrow.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the core as a process configured from the environment (see {@link CoreConfig}). */
public final class CoreMain {
  private static final Logger log = LoggerFactory.getLogger(CoreMain.class);

  private CoreMain() {}

  public static void main(String[] args) throws InterruptedException {
    CoreServer server = CoreServer.start(CoreConfig.fromEnvironment(System.getenv()));
    log.info("Furrow core listening for gRPC on port {}", server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "core-shutdown"));
    Thread.currentThread().join();
  }
}
