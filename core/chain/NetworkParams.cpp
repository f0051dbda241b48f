#include "core/chain/NetworkParams.h"

#include "core/chain/Transaction.h"
#include "core/crypto/Sha256.h"
#include "core/util/Bytes.h"

#include <algorithm>

namespace pb {

namespace {

NetworkParams makeDev()
{
    NetworkParams p;
    p.name = "dev";
    p.powLimit = *Uint256::fromCompact(0x1f00ffff);  // ~65 thousand hashes
    p.genesisBits = 0x1d400000;                      // 2^230: ~67 million hashes
    p.genesisTime = 1793491200;                      // 2026-11-01T00:00:00Z
    p.targetBlockSeconds = 5;
    p.retargetInterval = 10;
    p.maxFutureSeconds = futureDriftLimit(p.targetBlockSeconds, p.retargetInterval);  // 60 s
    p.defaultPeerPort = 7000;
    p.recognizerIdentity = defaultRecognizerIdentity();
    return p;
}

NetworkParams makeTest()
{
    NetworkParams p;
    p.name = "test";
    p.powLimit = *Uint256::fromCompact(0x207fffff);  // ~2 hashes: tests may build trivial blocks
    p.genesisBits = 0x1e100000;                      // 2^236: ~1 million hashes, ~20 ms on one core
    p.genesisTime = 1793491200;
    p.targetBlockSeconds = 1;
    p.retargetInterval = 0;
    p.maxFutureSeconds = futureDriftLimit(p.targetBlockSeconds, p.retargetInterval);  // 2 h
    p.defaultPeerPort = 17000;
    p.recognizerIdentity = defaultRecognizerIdentity();
    return p;
}

} // namespace

uint64_t futureDriftLimit(uint64_t targetBlockSeconds, uint32_t retargetInterval)
{
    if (retargetInterval == 0) return kMaxFutureDriftSeconds;
    const uint64_t window = targetBlockSeconds * retargetInterval;
    return std::clamp(window / 16, kMinFutureDriftSeconds, kMaxFutureDriftSeconds);
}

Block NetworkParams::genesisBlock() const
{
    // The genesis coinbase pays the all-zero address, which no key hashes to: unspendable.
    CoinbaseTx coinbase;
    coinbase.height = 0;
    coinbase.amount = blockReward;
    coinbase.to = genesisPayTo;
    Block b;
    b.transactions.push_back(coinbase.serialize());
    b.header.version = 1;
    b.header.time = genesisTime;
    b.header.bits = genesisBits;
    b.header.contentRoot = b.computeContentRoot();
    return b;
}

const NetworkParams* networkByName(std::string_view name)
{
    static const NetworkParams dev = makeDev();
    static const NetworkParams test = makeTest();
    if (name == "dev") return &dev;
    if (name == "test") return &test;
    return nullptr;
}

std::vector<std::string> networkNames() { return {"dev", "test"}; }

std::string defaultRecognizerIdentity()
{
    // NanoDet with its default parameters (core/photo/NanoDetRecognizer.h) on OpenCV 4.6.
    return "5fed218f8e8a447fa92d1bc84019199ef084002805a1ec9e87a4d4c01adfb48b";
}

std::string fusedRecognizerIdentity()
{
    // core/photo/FusedRecognizer.h, FusedConfig{} (version 1), on OpenCV 4.6.
    return "d3c6d632c66c8983e7c88892dc4039b53f7ed70c85cb45c9b37d7cde392be228";
}

std::string fusedRecognizerVersion2Identity()
{
    // core/photo/FusedRecognizer.h, fusedConfigVersion2(), on OpenCV 4.6.
    return "2afd8e1e9dcd91342463a0b294ee5b759fc43276f06a649b06f9c6973f32d198";
}

bool isValidNetworkName(std::string_view name)
{
    if (name.empty() || name.size() > 32 || networkByName(name)) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<NetworkParams> customNetwork(const CustomNetworkSpec& spec, std::string* error)
{
    const auto fail = [&](const std::string& why) {
        *error = why;
        return std::nullopt;
    };
    if (!isValidNetworkName(spec.name))
        return fail("network name '" + spec.name + "' must be 1-32 lower-case letters, digits or '-', and not dev or test");
    const auto powLimit = Uint256::fromCompact(spec.powLimitBits);
    if (!powLimit || powLimit->isZero()) return fail("powLimit bits " + std::to_string(spec.powLimitBits) + " are not a valid target");
    const auto genesisTarget = Uint256::fromCompact(spec.genesisBits);
    if (!genesisTarget || genesisTarget->isZero() || *genesisTarget > *powLimit)
        return fail("genesis bits must be a valid target no easier than the powLimit");
    if (spec.genesisTime == 0 || spec.genesisTime > (uint64_t(1) << 40)) return fail("genesis time is out of range");
    if (spec.targetBlockSeconds < 1 || spec.targetBlockSeconds > 86400) return fail("block time must be 1 to 86400 seconds");
    if (spec.retargetInterval > 100000) return fail("retarget interval must be at most 100000 blocks");
    if (spec.defaultPeerPort == 0) return fail("peer port must be 1 to 65535");
    const auto identity = fromHex(spec.recognizerIdentity);
    if (!identity || identity->size() != 32) return fail("recognizer identity must be 64 hex digits");

    NetworkParams p;
    p.name = spec.name;
    p.powLimit = *powLimit;
    p.genesisBits = spec.genesisBits;
    p.genesisTime = spec.genesisTime;
    p.targetBlockSeconds = spec.targetBlockSeconds;
    p.retargetInterval = spec.retargetInterval;
    p.maxFutureSeconds = futureDriftLimit(p.targetBlockSeconds, p.retargetInterval);
    p.defaultPeerPort = spec.defaultPeerPort;
    p.genesisSalt = spec.salt;
    p.recognizerIdentity = spec.recognizerIdentity;
    Bytes seed(spec.name.begin(), spec.name.end());
    seed.insert(seed.end(), spec.salt.begin(), spec.salt.end());
    const Hash256 digest = crypto::sha256(seed);
    std::copy_n(digest.begin(), p.genesisPayTo.size(), p.genesisPayTo.begin());
    return p;
}

} // namespace pb
