#pragma once
// Thread-safe log: every line goes to an optional file, optionally stderr, and to one
// listener (the node forwards it as a signal). Owned by the node, passed by reference.
// The file is rotated by size: past maxBytes it becomes <file>.1 (older ones .2 … .keep,
// the oldest dropped), so a node that runs for years keeps a bounded log.
#include <QMetaType>
#include <QString>

#include <QFile>
#include <functional>
#include <mutex>

namespace pb {

struct LogLine {
    enum Level { Debug, Info, Warning, Error };
    Level level = Info;
    qint64 msecsSinceEpoch = 0;
    QString text;
};

struct LogRotation {
    qint64 maxBytes = 10 * 1024 * 1024;
    int keep = 3;  // rotated files kept beside the current one
};

class Logger {
public:
    using Listener = std::function<void(const LogLine&)>;

    explicit Logger(bool toStderr) : toStderr_(toStderr) {}
    bool openFile(const QString& path, QString* error, LogRotation rotation = {});
    void setListener(Listener listener);

    void log(LogLine::Level level, const QString& text);
    void info(const QString& text) { log(LogLine::Info, text); }
    void warning(const QString& text) { log(LogLine::Warning, text); }
    void error(const QString& text) { log(LogLine::Error, text); }

private:
    void rotate();  // with mutex_ held

    std::mutex mutex_;
    bool toStderr_;
    QFile file_;
    LogRotation rotation_;
    Listener listener_;
};

} // namespace pb

Q_DECLARE_METATYPE(pb::LogLine)
