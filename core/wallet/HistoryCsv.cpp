#include "core/wallet/HistoryCsv.h"

#include "core/wallet/Coins.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace pb::wallet {

namespace {

const QStringList kColumns{"date", "height", "id", "direction", "counterparty", "amount", "fee", "status"};

bool newerFirst(const HistoryEntry& a, const HistoryEntry& b)
{
    const bool aPending = a.status != "confirmed", bPending = b.status != "confirmed";
    if (aPending != bPending) return aPending;
    return a.height > b.height;
}

} // namespace

std::optional<HistoryEntry> historyEntryFromJson(const QJsonObject& tx)
{
    const auto count = [&](const char* name) { return tx[name].isDouble() && tx[name].toInteger(-1) >= 0; };
    HistoryEntry e;
    e.id = tx["id"].toString();
    e.type = tx["type"].toString();
    e.to = tx["to"].toString();
    e.status = tx["status"].toString();
    if (e.id.isEmpty() || e.to.isEmpty() || (e.type != "transfer" && e.type != "coinbase") || !count("amount")) return std::nullopt;
    if (e.status != "confirmed" && e.status != "pending") return std::nullopt;
    e.amount = quint64(tx["amount"].toInteger());
    if (e.type == "transfer") {
        e.from = tx["from"].toString();
        if (e.from.isEmpty() || !count("fee")) return std::nullopt;
        e.fee = quint64(tx["fee"].toInteger());
    }
    if (e.status == "confirmed") {
        if (!count("height")) return std::nullopt;
        e.height = quint64(tx["height"].toInteger());
        e.time = count("time") ? quint64(tx["time"].toInteger()) : 0;
    }
    return e;
}

QString csvField(const QString& text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r')) return text;
    return '"' + QString(text).replace('"', "\"\"") + '"';
}

QString csvHeader() { return kColumns.join(',') + "\r\n"; }

QString historyCsv(QList<HistoryEntry> entries, const QSet<QString>& own)
{
    std::stable_sort(entries.begin(), entries.end(), newerFirst);
    QSet<QString> written;
    QString out = csvHeader();
    for (const HistoryEntry& e : entries) {
        if (written.contains(e.id)) continue;
        written.insert(e.id);
        const bool confirmed = e.status == "confirmed";
        QString direction, counterparty;
        if (e.type == "coinbase") {
            direction = "mined";
        } else if (own.contains(e.from)) {
            direction = own.contains(e.to) ? "self" : "out";
            counterparty = e.to;
        } else {
            direction = "in";
            counterparty = e.from;
        }
        const QString date = confirmed && e.time != 0
            ? QDateTime::fromSecsSinceEpoch(qint64(e.time), Qt::UTC).toString("yyyy-MM-ddTHH:mm:ssZ")
            : QString();
        const QStringList fields{date,
                                 confirmed ? QString::number(e.height) : QString(),
                                 e.id,
                                 direction,
                                 counterparty,
                                 formatCoins(e.amount),
                                 e.type == "coinbase" ? QString() : formatCoins(e.fee),
                                 e.status};
        QStringList quoted;
        for (const QString& f : fields) quoted << csvField(f);
        out += quoted.join(',') + "\r\n";
    }
    return out;
}

} // namespace pb::wallet
