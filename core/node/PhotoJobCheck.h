#pragma once
// The one check of a photo job request, used by every way a job comes in (REST, the GUI, the
// photo folder — all through Node::submitMiningJob): the photo (present, within this network's
// photo cap, JPEG or PNG), the label (one the recognizer knows), the vote and the reward
// address. checkJobPhoto() is its photo part, for callers that refuse a file before queuing.
#include "core/node/NodeSnapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pb {

struct PhotoJobRequest {
    QByteArray photo;
    QString label;
    QString vote = "abstain";  // agree / disagree / abstain
    QString rewardAddress;     // empty: the node's reward address
    QString source = "api";
};

// What the node allows: from its recognizer and its network's parameters.
struct PhotoJobRules {
    QStringList labels;         // empty: this node cannot mine photos
    QString recognizerProblem;  // why, then
    size_t maxPhotoBytes = 0;   // NetworkParams::maxPhotoBytes
};

struct PhotoJobProblem {
    enum Kind { None, CannotMine, UnknownLabel, BadVote, BadRewardAddress, EmptyPhoto, PhotoTooLarge, NotJpegOrPng };
    Kind kind = None;
    QString message;
    bool ok() const { return kind == None; }
};

// The rules as of the engine's last snapshot (its recognizer labels and network photo cap).
PhotoJobRules photoJobRules(const NodeSnapshot& snapshot);

PhotoJobProblem checkJobPhoto(const QByteArray& photo, size_t maxPhotoBytes);
PhotoJobProblem checkPhotoJob(const PhotoJobRequest& request, const PhotoJobRules& rules);

} // namespace pb
