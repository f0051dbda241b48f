#pragma once
// Deterministic byte-level mutations of valid inputs, for fuzz drivers and robustness tests
// that must run the same way everywhere (no libFuzzer needed). The mutations aim at what
// breaks binary decoders: flipped bits, cut-off data, wrong lengths, repeated and spliced runs.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace pb::fuzz {

class FrameMutator {
public:
    using Input = std::string;

    explicit FrameMutator(uint64_t seed) : rng_(seed) {}

    // 1..4 stacked mutations of `input`; `other` is spliced in by some of them.
    Input mutate(const Input& input, const Input& other)
    {
        Input out = input;
        for (size_t i = 0, n = 1 + below(4); i < n; ++i)
            mutateOnce(out, other);
        return out;
    }

    Input randomBytes(size_t maxSize)
    {
        Input out(below(maxSize + 1), '\0');
        for (char& c : out)
            c = char(rng_());
        return out;
    }

    // 0..n-1 (0 when n is 0).
    size_t below(size_t n) { return n == 0 ? 0 : size_t(rng_() % n); }

private:
    void mutateOnce(Input& s, const Input& other)
    {
        switch (below(9)) {
        case 0: // flip one bit
            if (!s.empty())
                s[below(s.size())] ^= char(1 << below(8));
            break;
        case 1: // overwrite a byte with a value that means something to CBOR
            if (!s.empty())
                s[below(s.size())] = char(kInteresting[below(std::size(kInteresting))]);
            break;
        case 2: // truncate
            s.resize(below(s.size() + 1));
            break;
        case 3: // append junk
            s += randomBytes(16);
            break;
        case 4: // erase a run
            if (!s.empty()) {
                const size_t at = below(s.size());
                s.erase(at, 1 + below(s.size() - at));
            }
            break;
        case 5: // duplicate a run in place
            if (!s.empty()) {
                const size_t at = below(s.size());
                const size_t len = 1 + below(std::min<size_t>(s.size() - at, 64));
                s.insert(at, s.substr(at, len));
            }
            break;
        case 6: // splice: our head, the other input's tail
            if (!other.empty())
                s = s.substr(0, below(s.size() + 1)) + other.substr(below(other.size()));
            break;
        case 7: // insert a length header claiming far more than follows
            s.insert(below(s.size() + 1), std::string(kHugeLength, kHugeLength + sizeof(kHugeLength)));
            break;
        default: // bump a byte by a small amount (lengths, counts, type bits)
            if (!s.empty()) {
                const size_t at = below(s.size());
                const int delta = int(1 + below(3)) * (below(2) ? 1 : -1);
                s[at] = char(s[at] + delta);
            }
            break;
        }
    }

    // Major-type boundaries, indefinite-length markers, "break", 8-byte length prefixes.
    static constexpr uint8_t kInteresting[] = {0x00, 0x17, 0x18, 0x1b, 0x1f, 0x3b, 0x40, 0x5b, 0x5f, 0x60,
                                               0x7b, 0x7f, 0x80, 0x9b, 0x9f, 0xa0, 0xbb, 0xbf, 0xc0, 0xf6,
                                               0xf9, 0xfb, 0xff};
    // A byte string header claiming 2^40 bytes.
    static constexpr char kHugeLength[] = {char(0x5b), 0, 0, 0, 1, 0, 0, 0, 0};

    std::mt19937_64 rng_;
};

} // namespace pb::fuzz
