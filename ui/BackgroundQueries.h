#pragma once
// Runs node queries that touch storage (blocks, photos, thumbnails) on a worker thread and
// hands each result to a callback on the receiver's thread, so the GUI never waits for
// Redis or the disk. One worker: queries run in the order they were started. Destroying
// this waits for the running query; queued ones are dropped.
#include <QObject>
#include <QThreadPool>

namespace pb::ui {

class BackgroundQueries {
public:
    explicit BackgroundQueries(QObject* receiver) : receiver_(receiver) { pool_.setMaxThreadCount(1); }
    ~BackgroundQueries()
    {
        pool_.clear();
        pool_.waitForDone();
    }
    BackgroundQueries(const BackgroundQueries&) = delete;
    BackgroundQueries& operator=(const BackgroundQueries&) = delete;

    // work() runs on the worker; done(result) later on the receiver's thread. The receiver
    // owns this object, so it outlives every callback still queued for it.
    template <typename Work, typename Done>
    void run(Work work, Done done)
    {
        QObject* receiver = receiver_;
        pool_.start([receiver, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(receiver, [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            }, Qt::QueuedConnection);
        });
    }

    // As run(), for a view that shows one thing at a time: done() only gets the result of the
    // latest runLatest() call; results of queries superseded meanwhile are dropped.
    template <typename Work, typename Done>
    void runLatest(Work work, Done done)
    {
        const quint64 generation = ++generation_;
        run(std::move(work), [this, generation, done = std::move(done)](auto result) mutable {
            if (generation == generation_) done(std::move(result));
        });
    }

    void waitForDone() { pool_.waitForDone(); }

private:
    QObject* receiver_;
    quint64 generation_ = 0;  // counts runLatest() calls; touched on the receiver's thread only
    QThreadPool pool_;
};

} // namespace pb::ui
