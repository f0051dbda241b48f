#pragma once
// Judges the label a photo block claims, off the engine thread. Chain::submitBlock asks
// known() for a verdict it can have at once (remembered in the VerdictCache, or "unverifiable"
// when this node has no usable recognizer); for the rest BlockSync calls check(), which runs
// the recognizer on a worker thread and hands the verdict back on the engine thread, where the
// block is submitted again with it. Each (photo, label) is recognized once however many blocks
// or copies of a block wait for it. Our own mined blocks take the verdict their photo job got
// when it was accepted (jobVerdict()). Lives on, and is called from, the engine thread.
#include "core/chain/Validation.h"
#include "core/node/VerdictCache.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace pb {

namespace photo {
class Recognizer;
} // namespace photo

namespace node {

class PhotoVerifier : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const PhotoVerdict&)>;

    // `recognizer` (thread-safe; outlives this) may be null only with a `problem`: why photo
    // blocks cannot be judged here, which every verdict then is (Unverifiable).
    PhotoVerifier(const photo::Recognizer* recognizer, QString problem, QObject* parent = nullptr);
    ~PhotoVerifier() override;

    // The verdict when it needs no recognition; none when check() has to work it out.
    std::optional<PhotoVerdict> known(const Hash256& photoHash, const std::string& label);
    // Recognizes `photo` on the worker and calls `done` on this object's thread with the
    // verdict (also remembered). A check of the same photo and label already under way takes
    // `done` along instead of starting another. After stop(), `done` is never called.
    void check(const Hash256& photoHash, const Bytes& photo, const std::string& label, Done done);
    // What our own block with a confirmed photo job's photo is judged by: the job's check was
    // stricter (the claim threshold, not the validator's) and ran on this same recognizer.
    PhotoVerdict jobVerdict(const Hash256& photoHash, const std::string& label);

    // Drops queued checks and waits for the one running (at most one recognition); pending
    // callers are forgotten. Called before the parts the callbacks reach are taken down.
    void stop();

    // Recognitions started so far (a cache hit or a joined check starts none).
    int recognitions() const { return recognitions_; }
    int pendingChecks() const { return int(waiting_.size()); }

private:
    VerdictKey keyFor(const Hash256& photoHash, const std::string& label) const;
    PhotoVerdict judge(const Bytes& photo, const std::string& label) const;
    void finish(const VerdictKey& key, const PhotoVerdict& verdict);

    const photo::Recognizer* recognizer_;
    const QString problem_;
    const std::string identity_;
    VerdictCache cache_;
    std::map<VerdictKey, std::vector<Done>> waiting_;  // checks under way and who waits for each
    QThreadPool worker_;
    bool stopped_ = false;
    int recognitions_ = 0;
};

} // namespace node
} // namespace pb
