#include "core/net/TipCrossCheck.h"

#include <algorithm>

namespace pb::net {

TipVerdict judgeTip(const Hash256& ourTip, const TipMessage& answer, bool peerTipOnOurChain)
{
    if (answer.atHeight == ourTip) return TipVerdict::Agrees;
    if (answer.atHeight != Hash256{}) return TipVerdict::Disagrees;  // another block at our height
    return peerTipOnOurChain ? TipVerdict::Lags : TipVerdict::Disagrees;
}

void TipCrossCheck::start(const Tip& tip, const std::vector<PeerId>& peers, qint64 nowMs)
{
    Round round;
    round.tip = tip;
    round.startedMs = nowMs;
    for (PeerId p : peers) round.asked[p] = std::nullopt;
    round_ = std::move(round);
    lastStartMs_ = nowMs;
    decideIfComplete(nowMs, false);
}

bool TipCrossCheck::record(PeerId peer, TipVerdict verdict, qint64 nowMs)
{
    if (!round_) return false;
    const auto it = round_->asked.find(peer);
    if (it == round_->asked.end() || it->second) return false;
    it->second = verdict;
    decideIfComplete(nowMs, false);
    return true;
}

void TipCrossCheck::peerGone(PeerId peer, qint64 nowMs)
{
    if (!round_) return;
    const auto it = round_->asked.find(peer);
    if (it == round_->asked.end() || it->second) return;
    round_->asked.erase(it);
    decideIfComplete(nowMs, false);
}

void TipCrossCheck::expire(qint64 nowMs)
{
    if (round_ && nowMs - round_->startedMs >= kRoundTimeoutMs) decideIfComplete(nowMs, true);
}

void TipCrossCheck::decideIfComplete(qint64 nowMs, bool timeUp)
{
    const auto& asked = round_->asked;
    const bool allAnswered = std::all_of(asked.begin(), asked.end(), [](const auto& a) { return a.second.has_value(); });
    if (!allAnswered && !timeUp) return;
    const auto count = [&](TipVerdict v) {
        return int(std::count_if(asked.begin(), asked.end(), [v](const auto& a) { return a.second == v; }));
    };
    info_.agreeing = count(TipVerdict::Agrees);
    info_.disagreeing = count(TipVerdict::Disagrees);
    info_.peersAsked = int(asked.size());
    info_.lastCheck = nowMs / 1000;
    if (info_.disagreeing > 0) {
        info_.state = "disagreement";
    } else if (info_.agreeing >= kMinAgreeing) {
        info_.state = "checked";
        info_.checkedHeight = round_->tip.height;
        info_.checkedHash = QString::fromStdString(toHex(round_->tip.hash));
        info_.checkedTime = qint64(round_->tip.time);
    } else {
        info_.state = info_.peersAsked < kMinAgreeing ? "too_few_peers" : "unchecked";
    }
    round_.reset();
}

} // namespace pb::net
