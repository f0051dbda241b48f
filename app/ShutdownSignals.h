#pragma once
// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe), so shutdown runs as
// ordinary code instead of inside a signal handler.
#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace pb::app {

class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signalNumber);

private:
    std::unique_ptr<QSocketNotifier> notifier_;
};

} // namespace pb::app
