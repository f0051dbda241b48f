#include "ui/SyncProgress.h"

#include <cmath>

namespace pb::ui {

namespace {
constexpr qint64 kRateWindowMs = 60 * 1000;
}

void SyncProgress::sample(qint64 msecsSinceEpoch, quint64 ownHeight, quint64 bestPeerHeight)
{
    ownHeight_ = ownHeight;
    bestPeerHeight_ = bestPeerHeight;
    samples_.append({msecsSinceEpoch, ownHeight});
    while (samples_.size() > 2 && samples_.first().first < msecsSinceEpoch - kRateWindowMs) samples_.removeFirst();
}

int SyncProgress::perMille() const
{
    if (synced() || bestPeerHeight_ == 0) return 1000;
    return int(1000.0 * double(ownHeight_) / double(bestPeerHeight_));
}

std::optional<qint64> SyncProgress::secondsLeft() const
{
    if (synced()) return 0;
    if (samples_.size() < 2) return std::nullopt;
    const auto& [firstMs, firstHeight] = samples_.first();
    const auto& [lastMs, lastHeight] = samples_.last();
    if (lastHeight <= firstHeight || lastMs <= firstMs) return std::nullopt;
    const double blocksPerSecond = double(lastHeight - firstHeight) * 1000.0 / double(lastMs - firstMs);
    return qint64(std::ceil(double(blocksLeft()) / blocksPerSecond));
}

} // namespace pb::ui
