#include "core/util/Logger.h"

#include <QDateTime>
#include <cstdio>

namespace pb {

namespace {
const char* levelName(LogLine::Level level)
{
    switch (level) {
    case LogLine::Debug: return "debug";
    case LogLine::Info: return "info";
    case LogLine::Warning: return "warning";
    case LogLine::Error: return "error";
    }
    return "info";
}
} // namespace

bool Logger::openFile(const QString& path, QString* error, LogRotation rotation)
{
    std::lock_guard lock(mutex_);
    rotation_ = rotation;
    file_.setFileName(path);
    if (!file_.open(QIODevice::Append | QIODevice::Text)) {
        *error = QString("cannot open log file %1: %2").arg(path, file_.errorString());
        return false;
    }
    return true;
}

void Logger::rotate()
{
    const QString path = file_.fileName();
    file_.close();
    const auto numbered = [&](int n) { return QString("%1.%2").arg(path).arg(n); };
    QFile::remove(numbered(rotation_.keep));
    for (int n = rotation_.keep - 1; n >= 1; --n) QFile::rename(numbered(n), numbered(n + 1));
    if (rotation_.keep > 0) QFile::rename(path, numbered(1));
    else QFile::remove(path);
    // Reopening can only fail if the directory went away; then the lines still reach stderr
    // and the listener.
    file_.open(QIODevice::Append | QIODevice::Text);
}

void Logger::setListener(Listener listener)
{
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

void Logger::log(LogLine::Level level, const QString& text)
{
    LogLine line{level, QDateTime::currentMSecsSinceEpoch(), text};
    const QByteArray formatted = QString("%1 %2 %3\n")
                                     .arg(QDateTime::fromMSecsSinceEpoch(line.msecsSinceEpoch).toUTC().toString(Qt::ISODateWithMs),
                                          levelName(level), text)
                                     .toUtf8();
    Listener listener;
    {
        std::lock_guard lock(mutex_);
        if (file_.isOpen()) {
            file_.write(formatted);
            file_.flush();
            if (file_.size() >= rotation_.maxBytes) rotate();
        }
        if (toStderr_) {
            std::fwrite(formatted.constData(), 1, size_t(formatted.size()), stderr);
            std::fflush(stderr);
        }
        listener = listener_;
    }
    if (listener) listener(line);
}

} // namespace pb
