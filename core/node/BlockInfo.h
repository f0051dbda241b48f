#pragma once
// A block as the explorer shows it: header fields, photo claim, votes, transactions.
#include "core/node/TransactionInfo.h"
#include <QList>
#include <QString>
#include <optional>

namespace pb {

struct BlockInfo {
    quint64 height = 0;
    QString hash;
    QString prevHash;
    QString headerHex;
    quint32 version = 0;
    QString contentRoot;
    qint64 time = 0;
    quint32 bits = 0;
    quint64 nonce = 0;
    QString chainWork;           // hex
    QString photoHash;           // empty without a photo
    QString label;
    QString vote;                // abstain / agree / disagree
    struct Votes { quint64 agree = 0, disagree = 0, abstain = 0; };
    std::optional<Votes> votes;  // cast on this block's label claim by later active blocks
    int sizeBytes = 0;
    QList<TransactionInfo> transactions;
    bool bodyPruned = false;     // mobile mode: only the header is here (fetched from peers on demand)
    bool unchecked = false;      // mobile mode: above the last tip full peers confirmed
};

} // namespace pb
