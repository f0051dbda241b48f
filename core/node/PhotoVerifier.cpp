#include "core/node/PhotoVerifier.h"

#include "core/photo/Recognizer.h"

namespace pb::node {

PhotoVerifier::PhotoVerifier(const photo::Recognizer* recognizer, QString problem, QObject* parent)
    : QObject(parent), recognizer_(recognizer), problem_(std::move(problem)),
      identity_(recognizer ? recognizer->identity() : std::string())
{
    // One photo at a time: the recognizer spends a fraction of a second per photo, and the
    // machine's other cores belong to the miner and to the photo job queue.
    worker_.setMaxThreadCount(1);
}

PhotoVerifier::~PhotoVerifier() { stop(); }

VerdictKey PhotoVerifier::keyFor(const Hash256& photoHash, const std::string& label) const
{
    return {photoHash, label, identity_};
}

std::optional<PhotoVerdict> PhotoVerifier::known(const Hash256& photoHash, const std::string& label)
{
    if (!problem_.isEmpty() || !recognizer_) return PhotoVerdict{PhotoVerdict::Kind::Unverifiable, problem_.toStdString()};
    return cache_.find(keyFor(photoHash, label));
}

PhotoVerdict PhotoVerifier::jobVerdict(const Hash256& photoHash, const std::string& label)
{
    if (auto verdict = known(photoHash, label)) return *verdict;
    const PhotoVerdict confirmed{PhotoVerdict::Kind::Confirmed, "confirmed when its mining job was accepted"};
    cache_.store(keyFor(photoHash, label), confirmed);
    return confirmed;
}

void PhotoVerifier::check(const Hash256& photoHash, const Bytes& photo, const std::string& label, Done done)
{
    if (stopped_) return;
    if (auto verdict = known(photoHash, label)) {
        done(*verdict);
        return;
    }
    const VerdictKey key = keyFor(photoHash, label);
    auto [waiting, fresh] = waiting_.try_emplace(key);
    waiting->second.push_back(std::move(done));
    if (!fresh) return;
    ++recognitions_;
    // The worker touches no member but the recognizer; the verdict comes back as a queued call
    // on this object, which stop() (and so the destructor) outlives the worker for.
    worker_.start([this, key, photo, label] {
        const PhotoVerdict verdict = judge(photo, label);
        QMetaObject::invokeMethod(this, [this, key, verdict] { finish(key, verdict); }, Qt::QueuedConnection);
    });
}

PhotoVerdict PhotoVerifier::judge(const Bytes& photo, const std::string& label) const
{
    const photo::RecognizeOutcome outcome = recognizer_->recognize(photo);
    if (!outcome.ok()) return {PhotoVerdict::Kind::NotConfirmed, "the photo is unusable: " + outcome.message};
    if (outcome.recognition->confirms(label, true)) return {PhotoVerdict::Kind::Confirmed, {}};
    return {PhotoVerdict::Kind::NotConfirmed, "it sees " + photo::describeDetections(*outcome.recognition)};
}

void PhotoVerifier::finish(const VerdictKey& key, const PhotoVerdict& verdict)
{
    if (stopped_) return;
    cache_.store(key, verdict);
    const auto it = waiting_.find(key);
    if (it == waiting_.end()) return;
    const std::vector<Done> callers = std::move(it->second);
    waiting_.erase(it);
    for (const Done& done : callers) done(verdict);
}

void PhotoVerifier::stop()
{
    stopped_ = true;
    worker_.clear();
    worker_.waitForDone();
    waiting_.clear();
}

} // namespace pb::node
