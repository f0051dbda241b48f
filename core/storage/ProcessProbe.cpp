#include "core/storage/ProcessProbe.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace pb::storage {

namespace {

QByteArray readProcFile(qint64 pid, const char* name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

} // namespace

bool isProcessRunning(qint64 pid)
{
    if (pid <= 0) return false;
    // Format: "pid (comm) state ..."; comm may itself contain ')', so use the last one.
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size()) return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

QString processWorkingDirectory(qint64 pid)
{
    if (pid <= 0) return {};
    return QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).symLinkTarget();
}

QString processName(qint64 pid)
{
    if (pid <= 0) return {};
    return QString::fromLocal8Bit(readProcFile(pid, "comm")).trimmed();
}

bool waitForProcessExit(qint64 pid, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (isProcessRunning(pid)) {
        if (deadline.hasExpired()) return false;
        QThread::msleep(20);
    }
    return true;
}

} // namespace pb::storage
