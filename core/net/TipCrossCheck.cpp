#include "core/net/TipCrossCheck.h"

#include "core/util/HexText.h"

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
        info_.checkedHash = hexText(round_->tip.hash);
        info_.checkedTime = qint64(round_->tip.time);
    } else {
        info_.state = info_.peersAsked < kMinAgreeing ? "too_few_peers" : "unchecked";
    }
    round_.reset();
}

TipRounds::TipRounds(TipRoundSettings settings, Chain& chain, ChainStore& store, PeerChannel& channel,
                     const BlockSync& sync, Logger& log)
    : settings_(settings), chain_(chain), store_(store), channel_(channel), sync_(sync), log_(log)
{
}

void TipRounds::checkTip()
{
    if (!settings_.mobile) return;
    wanted_ = true;  // the tick starts it once the gap since the last round has passed
    if (channel_.nowMs() - check_.lastStartMs() >= settings_.minGapMs) startRound();
}

void TipRounds::tick()
{
    if (!settings_.mobile) return;
    const qint64 now = channel_.nowMs();
    check_.expire(now);
    // Until a round confirms the current tip, retry soon: peers may still be connecting.
    const TipCheckInfo& info = check_.info();
    const bool confirmed = info.state == "checked" && info.checkedHash == hexOf(chain_.tip().hash);
    const qint64 interval = confirmed ? settings_.intervalMs : kUnsettledIntervalMs;
    const qint64 since = now - check_.lastStartMs();
    if ((wanted_ && since >= settings_.minGapMs) || (!check_.roundOpen() && since >= interval)) startRound();
}

void TipRounds::startRound()
{
    std::vector<PeerId> asked = sync_.bodyServers();
    if (asked.size() > kMaxPeersAsked) asked.resize(kMaxPeersAsked);
    wanted_ = false;
    const TipInfo& tip = chain_.tip();
    check_.start({tip.height, tip.hash, tip.time}, asked, channel_.nowMs());
    for (PeerId id : asked) channel_.send(id, GetTip{tip.height});
}

void TipRounds::onGetTip(PeerId peer, const GetTip& request)
{
    TipMessage answer;
    answer.height = chain_.tip().height;
    answer.tip = chain_.tip().hash;
    if (request.height <= answer.height) answer.atHeight = store_.hashAtHeight(request.height).value_or(Hash256{});
    channel_.send(peer, answer);
}

void TipRounds::onTip(PeerId peer, const TipMessage& answer, const QString& peerName)
{
    const auto asked = check_.roundTip();
    if (!asked) return;  // a late answer to a decided round
    const bool onOurChain = answer.height <= chain_.tip().height && store_.hashAtHeight(answer.height) == answer.tip;
    const TipVerdict verdict = judgeTip(asked->hash, answer, onOurChain);
    if (!check_.record(peer, verdict, channel_.nowMs())) return;
    if (verdict == TipVerdict::Disagrees)
        log_.warning(QString("peer %1 disagrees with our tip %2 at height %3: its tip is %4 at height %5")
                         .arg(peerName, hexOf(asked->hash).left(16)).arg(asked->height)
                         .arg(hexOf(answer.tip).left(16)).arg(answer.height));
}

} // namespace pb::net
