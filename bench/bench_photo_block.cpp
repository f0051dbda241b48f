// Validation time of a photo block (decode, recognize, content checks) against a photo-less
// block's, measured in the same run: what a photo costs a validating node.
#include "core/chain/Difficulty.h"
#include "core/chain/NetworkParams.h"
#include "core/chain/Validation.h"
#include "core/crypto/Sha256.h"
#include "core/photo/NanoDetRecognizer.h"
#include "tests/support/SolveBlock.h"

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pb;

namespace {

struct Sample {
    Bytes encoded;
    Bytes photo;
};

Sample makeBlock(const NetworkParams& net, const Bytes* photo)
{
    CoinbaseTx coinbase;
    coinbase.height = 1;
    coinbase.amount = net.blockReward;
    Block block;
    block.transactions.push_back(coinbase.serialize());
    if (photo) {
        block.photoHash = crypto::sha256(*photo);
        block.label = "person";
        block.header.version |= BlockHeader::kLabelClaimFlag;
    }
    block.header.prevHash = net.genesisHash();
    block.header.time = net.genesisTime + 1;
    block.header.bits = net.genesisBits;
    block.header.contentRoot = block.computeContentRoot();
    test::solve(block);
    return {block.serialize(), photo ? *photo : Bytes{}};
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main()
{
    const NetworkParams& net = *networkByName("test");
    std::string error;
    // The recognizer every network runs unless it pins another one.
    const auto recognizer = photo::NanoDetRecognizer::create({}, &error);
    if (!recognizer) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const char* people[] = {"/usr/share/doc/opencv-doc/examples/data/messi5.jpg",
                            "/usr/share/doc/opencv-doc/examples/data/basketball1.png",
                            "/usr/share/doc/opencv-doc/examples/data/basketball2.png"};
    std::vector<Sample> photoBlocks;
    for (const char* path : people) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s (install opencv-doc)\n", path);
            return 1;
        }
        const QByteArray b = f.readAll();
        const Bytes photo(b.begin(), b.end());
        photoBlocks.push_back(makeBlock(net, &photo));
    }
    const Sample plain = makeBlock(net, nullptr);

    const auto validate = [&](const Sample& s) {
        Block block;
        ValidationResult r = checkBlock(s.encoded, net, &block);
        if (r.ok()) r = checkPhoto(block, block.photoHash ? &s.photo : nullptr, net);
        if (r.ok() && !block.label.empty()) {
            const photo::RecognizeOutcome o = recognizer->recognize(s.photo);
            const bool seen = o.ok() && o.recognition->confirms(block.label, true);
            r = checkLabelClaim(block, {seen ? PhotoVerdict::Kind::Confirmed : PhotoVerdict::Kind::NotConfirmed, {}});
        }
        return r.ok();
    };

    const int rounds = 10;
    std::vector<double> photoMs, plainMs;
    for (int round = 0; round < rounds; ++round) {
        for (const Sample& s : photoBlocks) {
            QElapsedTimer t;
            t.start();
            if (!validate(s)) {
                std::fprintf(stderr, "a photo block failed validation\n");
                return 1;
            }
            photoMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        for (int i = 0; i < 100; ++i) {
            QElapsedTimer t;
            t.start();
            if (!validate(plain)) return 1;
            plainMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }
    std::printf("photo block validation (checks + decode + recognize), %zu runs: median %.1f ms, p95 %.1f ms\n",
                photoMs.size(), percentile(photoMs, 0.5), percentile(photoMs, 0.95));
    std::printf("photo-less block validation (baseline), %zu runs: median %.3f ms, p95 %.3f ms\n", plainMs.size(),
                percentile(plainMs, 0.5), percentile(plainMs, 0.95));
    std::printf("a photo costs %.0fx a plain block's validation\n", percentile(photoMs, 0.5) / percentile(plainMs, 0.5));
    return 0;
}
