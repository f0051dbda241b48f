#pragma once
// Shared by the recognizer tests: a readable dump of a recognition for failure messages, and
// exact comparison of two recognitions (determinism across threads).
#include "core/photo/Recognizer.h"

#include <future>
#include <string>
#include <vector>

namespace pb::photo::checks {

inline std::string describe(const Recognition& r)
{
    std::string text;
    for (const Detection& d : r.detections)
        text += d.label + " " + std::to_string(d.score) + " at " + std::to_string(d.box.x) + "," + std::to_string(d.box.y) +
                " size " + std::to_string(d.box.width) + "; ";
    return text.empty() ? "nothing" : text;
}

inline bool sameRecognition(const Recognition& a, const Recognition& b)
{
    if (a.claimable != b.claimable || a.detections.size() != b.detections.size())
        return false;
    for (size_t i = 0; i < a.detections.size(); ++i) {
        const Detection &x = a.detections[i], &y = b.detections[i];
        if (x.label != y.label || x.score != y.score || x.box.x != y.box.x || x.box.y != y.box.y ||
            x.box.width != y.box.width || x.box.height != y.box.height)
            return false;
    }
    return true;
}

// Recognizes each photo twice in a row, then all of them again from four threads at once: true
// when every answer equals the first one for the same bytes.
inline bool answersSameOnEveryThread(const Recognizer& recognizer, const std::vector<Bytes>& photos)
{
    std::vector<Recognition> serial;
    for (const Bytes& bytes : photos) {
        const RecognizeOutcome first = recognizer.recognize(bytes), second = recognizer.recognize(bytes);
        if (!first.ok() || !second.ok() || !sameRecognition(*first.recognition, *second.recognition))
            return false;
        serial.push_back(*first.recognition);
    }
    std::vector<std::future<bool>> workers;
    for (size_t thread = 0; thread < 4; ++thread)
        workers.push_back(std::async(std::launch::async, [&, thread] {
            for (size_t i = 0; i < photos.size(); ++i) {
                const size_t k = (i + thread) % photos.size();
                const RecognizeOutcome outcome = recognizer.recognize(photos[k]);
                if (!outcome.ok() || !sameRecognition(serial[k], *outcome.recognition))
                    return false;
            }
            return true;
        }));
    bool same = true;
    for (auto& worker : workers)
        same = worker.get() && same;
    return same;
}

// The identity of `RecognizerT` built from a default config that a change edits, or, when that
// config is refused, the error: what a recognizer's "identity pins every parameter" test compares.
// A test names it once (`using Identity = checks::IdentityOf<…>;`), then writes Identity::with(…).
template <typename RecognizerT, typename Config>
struct IdentityOf {
    template <typename Change>
    static std::string with(Change change)
    {
        Config config;
        change(config);
        std::string error;
        const auto recognizer = RecognizerT::create(config, &error);
        return recognizer ? recognizer->identity() : error;
    }
};

} // namespace pb::photo::checks
