#include "ui/PeerQuality.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <vector>

namespace pb::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("pb::ui::PeerQuality", text); }
}

std::optional<double> medianPingMs(const QList<PeerInfo>& peers)
{
    std::vector<double> pings;
    for (const PeerInfo& p : peers)
        if (p.pingMs >= 0) pings.push_back(p.pingMs);
    if (pings.empty()) return std::nullopt;
    std::sort(pings.begin(), pings.end());
    const size_t mid = pings.size() / 2;
    return pings.size() % 2 ? pings[mid] : (pings[mid - 1] + pings[mid]) / 2;
}

QString pingHint(const PeerInfo& peer, const QList<PeerInfo>& peers)
{
    if (peer.pingMs < 0) return tr("not measured yet");
    const QString own = tr("%1 ms").arg(peer.pingMs, 0, 'f', peer.pingMs < 10 ? 1 : 0);
    const auto median = medianPingMs(peers);
    if (!median || peers.size() < 2) return own;
    const QString medianText = tr("%1 ms").arg(*median, 0, 'f', *median < 10 ? 1 : 0);
    // Pings under a few milliseconds (loopback, LAN) differ by noise, not quality.
    if (*median <= 0 || std::abs(peer.pingMs - *median) < 5) return tr("%1, about the median (%2)").arg(own, medianText);
    const double ratio = peer.pingMs / *median;
    if (ratio >= 3) return tr("%1, %2× the median (%3): slow").arg(own).arg(ratio, 0, 'f', 1).arg(medianText);
    if (ratio > 1.3) return tr("%1, %2× the median (%3)").arg(own).arg(ratio, 0, 'f', 1).arg(medianText);
    if (ratio < 0.7) return tr("%1, faster than the median (%2)").arg(own, medianText);
    return tr("%1, about the median (%2)").arg(own, medianText);
}

QString heightHint(quint64 peerHeight, quint64 ownHeight)
{
    if (peerHeight == ownHeight) return tr("at our tip");
    if (peerHeight < ownHeight) {
        const quint64 lag = ownHeight - peerHeight;
        return lag == 1 ? tr("1 block behind us") : tr("%1 blocks behind us").arg(lag);
    }
    const quint64 lead = peerHeight - ownHeight;
    return lead == 1 ? tr("1 block ahead of us: we are syncing from it") : tr("%1 blocks ahead of us: we are syncing from it").arg(lead);
}

} // namespace pb::ui
