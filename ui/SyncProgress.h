#pragma once
// How far the node is behind its peers and how long catching up should take: blocks left is
// the best height a peer announced minus ours; the estimate comes from how fast our height
// rose over the last minute of samples.
#include <QList>
#include <QPair>
#include <optional>

namespace pb::ui {

class SyncProgress {
public:
    void sample(qint64 msecsSinceEpoch, quint64 ownHeight, quint64 bestPeerHeight);

    quint64 blocksLeft() const { return bestPeerHeight_ > ownHeight_ ? bestPeerHeight_ - ownHeight_ : 0; }
    bool synced() const { return blocksLeft() == 0; }
    // 0..1000 (per mille), for a progress bar.
    int perMille() const;
    // Seconds to catch up at the recent rate; nullopt while the height does not rise.
    std::optional<qint64> secondsLeft() const;

private:
    QList<QPair<qint64, quint64>> samples_;  // (ms, own height), the last minute
    quint64 ownHeight_ = 0;
    quint64 bestPeerHeight_ = 0;
};

} // namespace pb::ui
