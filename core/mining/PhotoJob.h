#pragma once
// A photo job (what the API and GUI call a "mining job"): a photo, the label claimed for it,
// a vote on the previous claim's label and where the reward goes. Its life: queued ->
// recognizing -> rejected | mining -> mined | stale, or cancelled before it is settled.
#include <QList>
#include <QString>
#include <optional>

namespace pb {

enum class JobState { Queued, Recognizing, Rejected, Mining, Mined, Stale, Cancelled };

QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString& name);
// Rejected, mined, stale and cancelled jobs never change again.
bool isFinal(JobState state);

struct PhotoJob {
    QString id;              // 16 hex digits
    JobState state = JobState::Queued;
    QString photoHash;       // hex SHA-256 of the photo; the bytes are in the photo store
    QString label;
    QString vote = "abstain";  // agree / disagree / abstain
    QString rewardAddress;   // empty: the node's reward address
    QString source;          // "api", "folder:<file>", …
    QString detail;          // why rejected / stale, what the recognizer saw
    QString blockHash;       // when mined
    qint64 createdAt = 0;    // ms since the epoch
    qint64 updatedAt = 0;
};

} // namespace pb
