#pragma once
// A wallet's history as CSV for spreadsheets and accounts (RFC 4180: comma separated, CRLF line
// ends, a field with a comma, quote or line break in quotes with quotes doubled). Columns:
//   date          its block's time, ISO 8601 UTC ("2026-12-06T19:49:00Z"); empty while pending
//   height        its block's height; empty while pending
//   id            the transaction id (hex)
//   direction     in, out, self (between the wallet's own addresses) or mined (a block reward)
//   counterparty  the other address: the sender of an incoming, the recipient of an outgoing one
//   amount, fee   in coins with 8 decimals ("1.50000000"); a block reward has no fee
//   status        confirmed or pending
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace pb::wallet {

struct HistoryEntry {
    QString id;
    QString type;  // transfer / coinbase
    QString from, to;
    quint64 amount = 0;
    quint64 fee = 0;
    QString status;  // confirmed / pending
    quint64 height = 0;
    quint64 time = 0;  // Unix seconds, confirmed only
};

// One entry of the REST API's transaction JSON; nullopt when a field is missing or of the wrong type.
std::optional<HistoryEntry> historyEntryFromJson(const QJsonObject& tx);
// `entries` seen from the wallet owning `own`; a transaction listed twice (under two of its
// addresses) is written once. Pending first, then newest first.
QString historyCsv(QList<HistoryEntry> entries, const QSet<QString>& own);
// One field, quoted when it must be.
QString csvField(const QString& text);
QString csvHeader();

} // namespace pb::wallet
