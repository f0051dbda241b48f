#pragma once
// A mobile node's check of its tip against full peers. Each round asks the connected
// head / seed / full peers (gettip) for their active block at our tip's height; a peer
// agrees when that block is our tip, disagrees when it is another block or when its shorter
// chain's tip is not on ours, and says nothing either way when it lags behind on our chain.
// A round is decided once every asked peer answered or kRoundTimeoutMs passed: "checked"
// with at least kMinAgreeing agreeing and none disagreeing, "disagreement" with any
// disagreeing, "too_few_peers" when fewer than kMinAgreeing could be asked, else "unchecked".
#include "core/net/Messages.h"
#include "core/net/PeerLink.h"
#include "core/net/TipCheckInfo.h"

#include <map>
#include <optional>
#include <vector>

namespace pb::net {

enum class TipVerdict { Agrees, Disagrees, Lags };

// `peerTipOnOurChain`: the peer's tip is our active block at its height.
TipVerdict judgeTip(const Hash256& ourTip, const TipMessage& answer, bool peerTipOnOurChain);

class TipCrossCheck {
public:
    static constexpr int kMinAgreeing = 3;
    static constexpr qint64 kRoundTimeoutMs = 10'000;

    struct Tip {
        uint64_t height = 0;
        Hash256 hash{};
        uint64_t time = 0;
    };

    // Starts a round on `tip`, asking `peers` (the caller sends them gettip). Replaces a
    // round still open.
    void start(const Tip& tip, const std::vector<PeerId>& peers, qint64 nowMs);
    std::optional<Tip> roundTip() const { return round_ ? std::optional<Tip>(round_->tip) : std::nullopt; }
    // False when the peer was not asked in the open round (a late or unsolicited answer).
    bool record(PeerId peer, TipVerdict verdict, qint64 nowMs);
    void peerGone(PeerId peer, qint64 nowMs);
    // Decides a round whose time is up.
    void expire(qint64 nowMs);
    bool roundOpen() const { return round_.has_value(); }
    qint64 lastStartMs() const { return lastStartMs_; }
    const TipCheckInfo& info() const { return info_; }

private:
    struct Round {
        Tip tip;
        std::map<PeerId, std::optional<TipVerdict>> asked;
        qint64 startedMs = 0;
    };
    void decideIfComplete(qint64 nowMs, bool timeUp);

    std::optional<Round> round_;
    qint64 lastStartMs_ = 0;
    TipCheckInfo info_;
};

} // namespace pb::net
