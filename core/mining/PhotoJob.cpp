#include "core/mining/PhotoJob.h"

#include <array>

namespace pb {

namespace {

const std::array<std::pair<JobState, const char*>, 7> kNames = {{
    {JobState::Queued, "queued"},
    {JobState::Recognizing, "recognizing"},
    {JobState::Rejected, "rejected"},
    {JobState::Mining, "mining"},
    {JobState::Mined, "mined"},
    {JobState::Stale, "stale"},
    {JobState::Cancelled, "cancelled"},
}};

} // namespace

QString jobStateName(JobState state)
{
    for (const auto& [s, name] : kNames)
        if (s == state) return name;
    return "unknown";
}

std::optional<JobState> jobStateFromName(const QString& name)
{
    for (const auto& [s, text] : kNames)
        if (name == text) return s;
    return std::nullopt;
}

bool isFinal(JobState state)
{
    return state == JobState::Rejected || state == JobState::Mined || state == JobState::Stale
        || state == JobState::Cancelled;
}

} // namespace pb
