package dev.ringside.engine.export;

import java.util.concurrent.CompletableFuture;

/** Where a range hands its pages, whole and in order: a file's writer. */
interface PageSink {

    /** Queues a page without blocking; the future completes when the writer takes it (or fails if it stopped). */
    CompletableFuture<Void> submit(Page page);
}
