package dev.furrow.bench.repay;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Closed loops that keep a fixed number of operations in flight until a given count is done: async
 * gRPC calls from one submitting thread, or one thread per JDBC connection.
 */
final class Loops {
  /** The first failure of the latest loop, for the report; null when none failed. */
  static final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

  private Loops() {}

  /**
   * Runs {@code count} calls, {@code call.apply(i)} for i = 0..count-1, at most inFlight at once.
   */
  static Run grpc(CpuMeter meter, int count, int inFlight, IntFunction<ListenableFuture<?>> call)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(count);
    long[] latencies = new long[count];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    meter.start();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      long sent = System.nanoTime();
      Futures.addCallback(
          call.apply(i),
          new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object result) {
              latencies[ok.getAndIncrement()] = System.nanoTime() - sent;
              permits.release();
              done.countDown();
            }

            @Override
            public void onFailure(Throwable t) {
              failed.incrementAndGet();
              lastFailure.compareAndSet(null, t);
              permits.release();
              done.countDown();
            }
          },
          MoreExecutors.directExecutor());
    }
    done.await();
    long nanos = System.nanoTime() - start;
    return Run.of(ok.get(), failed.get(), nanos, latencies, meter.stop());
  }

  /** One database transaction of the ceiling, on the worker's own connection. */
  @FunctionalInterface
  interface SqlOperation {
    void run(Connection connection, int i) throws SQLException;
  }

  /**
   * Runs {@code count} operations over {@code connections} connections, each on its own thread
   * taking the next index until none is left.
   */
  static Run jdbc(
      CpuMeter meter, String jdbcUrl, int count, int connections, SqlOperation operation)
      throws Exception {
    List<Connection> opened = new ArrayList<>();
    try {
      for (int c = 0; c < connections; c++) {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        connection.setAutoCommit(false);
        opened.add(connection);
      }
      long[] latencies = new long[count];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      meter.start();
      long start = System.nanoTime();
      for (Connection connection : opened) {
        Thread worker =
            new Thread(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    try {
                      operation.run(connection, i);
                      connection.commit();
                      latencies[ok.getAndIncrement()] = System.nanoTime() - began;
                    } catch (SQLException e) {
                      failed.incrementAndGet();
                      lastFailure.compareAndSet(null, e);
                      try {
                        connection.rollback();
                      } catch (SQLException ignored) {
                        // The failure is already counted.
                      }
                    }
                  }
                },
                "ceiling-" + workers.size());
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      long nanos = System.nanoTime() - start;
      return Run.of(ok.get(), failed.get(), nanos, latencies, meter.stop());
    } finally {
      for (Connection connection : opened) {
        connection.close();
      }
    }
  }
}
