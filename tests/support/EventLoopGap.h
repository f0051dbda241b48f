#pragma once
// Measures how responsive the calling thread's event loop is: a 10 ms timer ticks while the
// object lives, and worstGapMs() is the longest time between two ticks.
#include <QElapsedTimer>
#include <QTimer>

namespace pb::test {

class EventLoopGap {
public:
    EventLoopGap()
    {
        clock_.start();
        QObject::connect(&tick_, &QTimer::timeout, [this] {
            worst_ = std::max(worst_, clock_.elapsed() - last_);
            last_ = clock_.elapsed();
        });
        tick_.start(10);
    }
    qint64 worstGapMs() const { return worst_; }

private:
    QElapsedTimer clock_;
    QTimer tick_;
    qint64 last_ = 0;
    qint64 worst_ = 0;
};

} // namespace pb::test
