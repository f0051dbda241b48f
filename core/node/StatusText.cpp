#include "core/node/StatusText.h"

#include <QDateTime>

namespace pb {

QString formatHashrate(double h)
{
    const char* units[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s"};
    int i = 0;
    while (h >= 1000.0 && i < 4) {
        h /= 1000.0;
        ++i;
    }
    return QString("%1 %2").arg(h, 0, 'f', i == 0 ? 0 : 1).arg(units[i]);
}

QString statusLine(const NodeStatus& s)
{
    const qint64 age = std::max<qint64>(0, QDateTime::currentSecsSinceEpoch() - s.tipTime);
    return QString("height %1 | %2%3 | peers %4 | last block %5 s ago")
        .arg(s.height)
        .arg(formatHashrate(s.hashrate10s))
        .arg(s.mining ? QString(" on %1 thread(s)").arg(s.miningThreads) : QString(" (not mining)"))
        .arg(s.peers)
        .arg(age);
}

} // namespace pb
