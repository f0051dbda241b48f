#include "core/net/HeaderPresync.h"

#include "core/chain/Difficulty.h"
#include "core/chain/Validation.h"
#include "core/crypto/Sha256.h"

#include <cstring>

namespace pb::net {

HeaderPresync::HeaderPresync(const NetworkParams& params, const Fork& fork, const Hash256& salt)
    : params_(params), fork_(fork), salt_(salt)
{
    presync_ = {fork.hash, fork.height, fork.chainWork};
}

HeaderPresync::Step HeaderPresync::feed(const BlockHeader& header, const Uint256& neededWork)
{
    const Hash256 hash = header.hash();
    return redownloading_ ? redownloadFeed(header, hash) : presyncFeed(header, hash, neededWork);
}

bool HeaderPresync::advance(Cursor& cursor, const BlockHeader& header, const Hash256& hash)
{
    if (cursor.height - fork_.height >= kMaxBranchLength) {
        error_ = "a branch of more than " + std::to_string(kMaxBranchLength) + " headers without enough work";
        return false;
    }
    const ValidationResult checked = checkHeader(header, params_);
    if (!checked.ok()) {
        error_ = "invalid header: " + std::string(blockErrorCode(checked.error));
        return false;
    }
    cursor.lastHash = hash;
    cursor.height += 1;
    cursor.work += workForTarget(*blockTarget(header));
    return true;
}

HeaderPresync::Step HeaderPresync::presyncFeed(const BlockHeader& header, const Hash256& hash, const Uint256& neededWork)
{
    if (header.prevHash != presync_.lastHash) return Step::Unlinked;
    if (!advance(presync_, header, hash)) return Step::Invalid;
    if ((presync_.height - fork_.height) % kCommitmentInterval == 0) commitments_.push_back(commitment(hash));
    if (!bufferOverflowed_) {
        buffered_.push_back(header);
        if (buffered_.size() > kMaxBufferedHeaders) {
            bufferOverflowed_ = true;
            buffered_ = {};
        }
    }
    if (presync_.work < neededWork) return Step::Followed;
    if (!bufferOverflowed_) {
        released_ = std::move(buffered_);
        return Step::Finished;
    }
    redownloading_ = true;
    targetHash_ = hash;
    redownload_ = {fork_.hash, fork_.height, fork_.chainWork};
    return Step::Redownload;
}

HeaderPresync::Step HeaderPresync::redownloadFeed(const BlockHeader& header, const Hash256& hash)
{
    if (header.prevHash != redownload_.lastHash) return Step::Unlinked;
    if (!advance(redownload_, header, hash)) return Step::Invalid;
    pending_.push_back(header);
    const uint64_t depth = redownload_.height - fork_.height;
    if (depth % kCommitmentInterval == 0 && depth / kCommitmentInterval <= commitments_.size()
        && commitments_[depth / kCommitmentInterval - 1] != commitment(hash)) {
        error_ = "the headers downloaded again differ from the first download at height " + std::to_string(redownload_.height);
        return Step::Invalid;
    }
    if (hash == targetHash_) {
        released_ = std::move(pending_);
        return Step::Finished;
    }
    if (redownload_.height >= presync_.height) {
        error_ = "the headers downloaded again do not reach the branch's first download";
        return Step::Invalid;
    }
    if (depth % kCommitmentInterval != 0) return Step::Followed;
    released_ = std::move(pending_);
    pending_ = {};
    return Step::Store;
}

uint64_t HeaderPresync::commitment(const Hash256& hash) const
{
    uint8_t input[64];
    std::memcpy(input, salt_.data(), 32);
    std::memcpy(input + 32, hash.data(), 32);
    const Hash256 digest = crypto::sha256(input, sizeof input);
    uint64_t value;
    std::memcpy(&value, digest.data(), sizeof value);
    return value;
}

} // namespace pb::net
