#pragma once
// Relative quality hints for one peer among the connected ones: its ping against the median
// ping, its height against ours. Pure functions, so the wording is tested without a window.
#include "core/net/PeerInfo.h"

#include <QList>
#include <QString>
#include <optional>

namespace pb::ui {

// The median of the measured pings (pingMs >= 0); nullopt when none is measured.
std::optional<double> medianPingMs(const QList<PeerInfo>& peers);
// "40 ms, about the median (38 ms)", "310 ms, 8.2× the median (38 ms): slow", "not measured yet".
QString pingHint(const PeerInfo& peer, const QList<PeerInfo>& peers);
// "at our tip", "12 blocks behind us", "3 blocks ahead of us: we are syncing from it".
QString heightHint(quint64 peerHeight, quint64 ownHeight);

} // namespace pb::ui
