package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Group commit per loan: requests for a loan that arrive while an earlier one for it is being run
 * wait in the loan's queue, and the next caller whose turn it is runs all of them (up to a limit)
 * as one batch, so one loan lock and one commit serve many requests. Every caller still gets its
 * own outcome. A loan with one request at a time runs each request on its own, as a batch of one.
 *
 * @param <P> what a request carries
 * @param <R> what a request answers
 */
final class LoanQueue<P, R> {
  private final int maxBatch;
  private final Consumer<List<Job<P, R>>> runner;

  /** The busy loans and the requests waiting behind each; a loan is here exactly while busy. */
  private final Map<UUID, ArrayDeque<Job<P, R>>> waiting = new HashMap<>();

  /**
   * {@code runner} runs a batch (requests in arrival order) and gives each job its outcome; a job
   * it leaves without one fails with what the runner threw.
   */
  LoanQueue(int maxBatch, Consumer<List<Job<P, R>>> runner) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch: " + maxBatch + " (expected: >= 1)");
    }
    this.maxBatch = maxBatch;
    this.runner = requireNonNull(runner, "runner");
  }

  /** Runs the request in its loan's turn, alone or batched with others, and returns its outcome. */
  R submit(UUID loanId, P request) {
    Job<P, R> job = new Job<>(request);
    boolean leads;
    synchronized (waiting) {
      ArrayDeque<Job<P, R>> queue = waiting.get(loanId);
      leads = queue == null;
      if (leads) {
        waiting.put(loanId, new ArrayDeque<>());
      } else {
        queue.add(job);
      }
    }
    if (leads || job.turn.join()) {
      lead(loanId, job);
    }
    return job.outcome();
  }

  /** How many requests wait behind the one being run for the loan (tests watch this). */
  int waiting(UUID loanId) {
    synchronized (waiting) {
      ArrayDeque<Job<P, R>> queue = waiting.get(loanId);
      return queue == null ? 0 : queue.size();
    }
  }

  /** Runs {@code first} and the requests queued behind it, then hands the loan to the next one. */
  private void lead(UUID loanId, Job<P, R> first) {
    List<Job<P, R>> batch = new ArrayList<>();
    batch.add(first);
    synchronized (waiting) {
      ArrayDeque<Job<P, R>> queue = waiting.get(loanId);
      while (batch.size() < maxBatch && !queue.isEmpty()) {
        batch.add(queue.poll());
      }
    }
    try {
      runner.accept(batch);
    } catch (RuntimeException | Error e) {
      for (Job<P, R> job : batch) {
        if (!job.done) {
          job.fail(e);
        }
      }
    } finally {
      for (Job<P, R> job : batch) {
        if (!job.done) {
          job.fail(new IllegalStateException("request left without an outcome"));
        }
      }
      Job<P, R> next;
      synchronized (waiting) {
        next = waiting.get(loanId).poll();
        if (next == null) {
          waiting.remove(loanId);
        }
      }
      for (Job<P, R> job : batch) {
        if (job != first) {
          job.turn.complete(false);
        }
      }
      if (next != null) {
        next.turn.complete(true);
      }
    }
  }

  /** One request and, once run, its outcome. */
  static final class Job<P, R> {
    private final P request;

    /** Completed with true when this job's caller is to run the next batch, false when done. */
    private final CompletableFuture<Boolean> turn = new CompletableFuture<>();

    @Nullable private R result;
    @Nullable private Throwable error;
    private boolean done;

    private Job(P request) {
      this.request = request;
    }

    P request() {
      return request;
    }

    /** Records {@code run}'s answer or what it threw as the outcome, replacing an earlier one. */
    void complete(Supplier<R> run) {
      try {
        succeed(run.get());
      } catch (RuntimeException | Error e) {
        fail(e);
      }
    }

    void succeed(R result) {
      this.result = result;
      this.error = null;
      this.done = true;
    }

    void fail(Throwable error) {
      this.result = null;
      this.error = error;
      this.done = true;
    }

    /**
     * The answer, or what was thrown rethrown. The fields are read after {@code turn}, which the
     * running thread completes after writing them, so they are visible here.
     */
    private R outcome() {
      if (error instanceof RuntimeException e) {
        throw e;
      }
      if (error instanceof Error e) {
        throw e;
      }
      if (error != null) {
        throw new IllegalStateException(error);
      }
      return result;
    }
  }
}
