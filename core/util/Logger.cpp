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

bool Logger::openFile(const QString& path, QString* error)
{
    std::lock_guard lock(mutex_);
    file_.setFileName(path);
    if (!file_.open(QIODevice::Append | QIODevice::Text)) {
        *error = QString("cannot open log file %1: %2").arg(path, file_.errorString());
        return false;
    }
    return true;
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
