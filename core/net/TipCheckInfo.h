#pragma once
// How a mobile node's tip compares with its full peers' tips, as the status reports it.
#include <QString>

namespace pb {

struct TipCheckInfo {
    QString state = "unchecked";  // checked | unchecked | disagreement | too_few_peers
    int agreeing = 0;             // of the last decided round
    int disagreeing = 0;
    int peersAsked = 0;
    qint64 lastCheck = 0;         // seconds since the epoch when a round was last decided; 0: never
    quint64 checkedHeight = 0;    // the newest tip at least kMinAgreeing peers confirmed, none disputed
    QString checkedHash;          // empty until one was
    qint64 checkedTime = 0;       // that block's header time
};

} // namespace pb
