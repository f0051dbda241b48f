#pragma once
// Transfer signatures this node has verified, so that a block's transfers already seen in the
// mempool are not verified a second time on the block's way through (the idea of Bitcoin
// Core's signature cache). An entry is a salted hash of the transfer's whole encoding (signed
// bytes, sender key and signature), so it stands for exactly one verified triple, and nobody
// who does not know the salt can aim transfers at an entry. Only successes are remembered: a
// bad signature is verified (and refused) every time. Bounded; when full, a random entry
// makes room, so no pattern of transfers can keep chosen entries in or out. Thread-safe.
#include "core/chain/TransferRules.h"

#include <functional>
#include <mutex>
#include <random>
#include <unordered_map>
#include <vector>

namespace pb {

class SignatureCache final : public SignatureVerifier {
public:
    using Verify = std::function<bool(const TransferTx&)>;
    static constexpr size_t kDefaultCapacity = 20'000;  // 4 x the default mempool's count; ~2 MB

    // `verify` does the real work (tests count its calls); the salt is random per cache.
    explicit SignatureCache(size_t capacity = kDefaultCapacity, Verify verify = &TransferTx::signatureValid);

    // True when this exact transfer's signature verified before, else verifies it now (and
    // remembers a success).
    bool valid(const TransferTx& tx) override;

    size_t size() const;
    uint64_t hits() const;  // answers that saved a verification

private:
    struct EntryHash {
        size_t operator()(const Hash256& h) const;  // entries are salted hashes: any 8 bytes do
    };
    Hash256 entryFor(const TransferTx& tx) const;
    void remember(const Hash256& entry);

    const size_t capacity_;
    const Verify verify_;
    Hash256 salt_{};
    mutable std::mutex mutex_;
    std::mt19937_64 random_;
    std::vector<Hash256> entries_;                            // for picking a random victim
    std::unordered_map<Hash256, size_t, EntryHash> where_;  // entry -> index in entries_
    uint64_t hits_ = 0;
};

} // namespace pb
