#pragma once
// Headers of a branch that does not (yet) carry more work than ours are not stored: a low-work
// header chain costs its sender proof of work per header and costs us nothing but this small
// state. One peer's branch is followed from a stored header (the fork point), each header
// checked on its own (linked to the previous one, version, bits within the pow limit, proof of
// work) and its work summed. When the branch reaches the work sync needs (more than the active
// tip, and at least the network's minimum chain work), its headers are handed out to be stored
// and validated in context, as any other header:
// - all at once when the branch was short (at most kMaxBufferedHeaders): they are still here;
// - otherwise after downloading them again from the fork point, each kCommitmentInterval-th
//   header checked against a salted hash remembered the first time, so the peer cannot swap in
//   another branch, and handed out kCommitmentInterval at a time.
// Compare Bitcoin Core's headerssync (presync, then redownload against commitments).
// Memory per peer: kMaxBufferedHeaders headers, then 8 bytes per kCommitmentInterval headers.
#include "core/chain/NetworkParams.h"

#include <vector>

namespace pb::net {

class HeaderPresync {
public:
    static constexpr size_t kMaxBufferedHeaders = 500;
    static constexpr uint64_t kCommitmentInterval = 64;
    static constexpr uint64_t kMaxBranchLength = uint64_t(1) << 22;  // ~4 million headers, 512 KiB of commitments

    struct Fork {
        Hash256 hash{};
        uint64_t height = 0;
        Uint256 chainWork;
    };
    enum class Step {
        Followed,    // checked and counted; nothing to store yet
        Store,       // takeReleased() holds headers to store, in order; more follow
        Redownload,  // ask the peer again for the headers after fork().hash
        Finished,    // takeReleased() holds the branch's last headers: this presync is over
        Unlinked,    // the header does not follow the branch: a new answer, not ours to judge
        Invalid,     // broke a rule a header breaks on its own, or differs from the first download
    };

    HeaderPresync(const NetworkParams& params, const Fork& fork, const Hash256& salt);

    // The next header of the branch. `neededWork` is the chain work the branch must reach.
    Step feed(const BlockHeader& header, const Uint256& neededWork);
    std::vector<BlockHeader> takeReleased() { return std::move(released_); }
    const std::string& error() const { return error_; }

    const Fork& fork() const { return fork_; }
    // Where the next answer should start: after the last header followed.
    const Hash256& lastHash() const { return redownloading_ ? redownload_.lastHash : presync_.lastHash; }
    bool redownloading() const { return redownloading_; }
    uint64_t height() const { return redownloading_ ? redownload_.height : presync_.height; }
    const Uint256& work() const { return presync_.work; }

private:
    struct Cursor {
        Hash256 lastHash{};
        uint64_t height = 0;
        Uint256 work;
    };
    Step presyncFeed(const BlockHeader& header, const Hash256& hash, const Uint256& neededWork);
    Step redownloadFeed(const BlockHeader& header, const Hash256& hash);
    // Links `header` after `cursor` and checks it on its own; false (with error_) when it fails.
    bool advance(Cursor& cursor, const BlockHeader& header, const Hash256& hash);
    uint64_t commitment(const Hash256& hash) const;

    const NetworkParams& params_;
    Fork fork_;
    Hash256 salt_;
    Cursor presync_;
    std::vector<BlockHeader> buffered_;  // the whole branch while it is short
    bool bufferOverflowed_ = false;
    std::vector<uint64_t> commitments_;  // of every kCommitmentInterval-th header
    bool redownloading_ = false;
    Hash256 targetHash_{};               // the header that gave the branch enough work
    Cursor redownload_;
    std::vector<BlockHeader> pending_;   // redownloaded, not yet covered by a commitment
    std::vector<BlockHeader> released_;
    std::string error_;
};

} // namespace pb::net
