#pragma once
// Consensus and default parameters of each built-in network.
#include "core/chain/Block.h"
#include "core/chain/Transaction.h"
#include "core/chain/Uint256.h"
#include "core/crypto/Address.h"

#include <optional>

namespace pb {

struct NetworkParams {
    std::string name;
    Uint256 powLimit;               // easiest target any block may use
    uint32_t genesisBits = 0;
    uint64_t genesisTime = 0;
    uint64_t targetBlockSeconds = 0;
    uint32_t retargetInterval = 0;  // blocks between retargets; 0 keeps the genesis target
    uint64_t blockReward = kCoin;
    uint64_t dustLimit = 1000;      // smallest transfer amount, in units
    size_t maxBlockBytes = 1 << 20;
    size_t maxPhotoBytes = 2 << 20;
    uint64_t maxFutureSeconds = 2 * 60 * 60;  // see futureDriftLimit(); set by every network
    uint16_t defaultPeerPort = 7000;
    crypto::AddressHash genesisPayTo{};  // all zero on built-in networks; no key hashes to it
    Hash256 genesisSalt{};               // custom networks only (see CustomNetworkSpec)
    // The photo recognizer every node of the network must run (its identity hash): a node
    // whose recognizer differs cannot validate label claims and says so.
    std::string recognizerIdentity;
    // Header branches with less cumulative work are followed in memory, never stored (see
    // net::HeaderPresync). Zero on every network today: each starts from a fresh genesis, so no
    // chain exists yet whose work a release could pin, as Bitcoin Core pins nMinimumChainWork.
    Uint256 minimumChainWork;

    Block genesisBlock() const;
    Hash256 genesisHash() const { return genesisBlock().hash(); }
};

// How far ahead of a node's clock a block's time may be. A stamp D seconds ahead can stretch the
// span a retarget measures, W = block time x interval, by D: the target eases by (W + D) / W
// once (the next window starts at that stamp and gives it back). So a retargeting network allows
// W / 16 (at most ~6% easier from one stamp), never less than kMinFutureDriftSeconds, which
// honest clocks must fit in, and never more than Bitcoin's 2 h. A network that does not
// retarget has no difficulty to bend and keeps 2 h, so its fast blocks (whose times the median
// rule pushes ahead of the clock) have room.
constexpr uint64_t kMinFutureDriftSeconds = 60;
constexpr uint64_t kMaxFutureDriftSeconds = 2 * 60 * 60;
uint64_t futureDriftLimit(uint64_t targetBlockSeconds, uint32_t retargetInterval);

// "dev": a few seconds per block on a laptop, retargeting toward 5 s.
// "test": near-instant blocks (~20 ms of one core), fixed target, for automated tests.
const NetworkParams* networkByName(std::string_view name);
std::vector<std::string> networkNames();

// The identity of the default NanoDet recognizer on Debian 12 (its model files' hashes, importer
// version, parameters and OpenCV version), pinned by the built-in networks.
std::string defaultRecognizerIdentity();

// The identity of the fused recognizer's version 1 (NanoDet and CenterNet agreeing, BlazeFace's
// face) with its default parameters on Debian 12, pinned by custom networks created with it.
std::string fusedRecognizerIdentity();
// Version 2 (version 1 and PoseNet's person evidence), pinned by new custom networks.
std::string fusedRecognizerVersion2Identity();

// A network its head creates: dev's rules unless overridden, and a genesis of its own. The salt
// makes two networks created with the same name in the same second different; the genesis
// coinbase pays a hash of name and salt, which no key is known for.
struct CustomNetworkSpec {
    std::string name;
    uint64_t genesisTime = 0;
    Hash256 salt{};
    uint32_t genesisBits = 0x1d400000;
    uint32_t powLimitBits = 0x1f00ffff;
    uint64_t targetBlockSeconds = 5;
    uint32_t retargetInterval = 10;
    uint16_t defaultPeerPort = 7000;
    std::string recognizerIdentity = fusedRecognizerVersion2Identity();
};
bool isValidNetworkName(std::string_view name);  // lower-case letters, digits, '-'; 1-32; not built in
std::optional<NetworkParams> customNetwork(const CustomNetworkSpec& spec, std::string* error);

} // namespace pb
