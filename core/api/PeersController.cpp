#include "core/api/PeersController.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace pb::api {

QJsonObject peerJson(const PeerInfo& p)
{
    return QJsonObject{
        {"id", p.nodeId.isEmpty() ? QJsonValue() : QJsonValue(p.nodeId)},  // null until the handshake
        {"connection", qint64(p.connectionId)},
        {"address", p.address},
        {"type", p.type},
        {"direction", p.direction},
        {"version", qint64(p.version)},
        {"userAgent", p.userAgent},
        {"height", qint64(p.height)},
        {"pingMs", p.pingMs < 0 ? QJsonValue() : QJsonValue(p.pingMs)},  // null until measured
        {"bytesIn", qint64(p.bytesIn)},
        {"bytesOut", qint64(p.bytesOut)},
        {"misbehaviour", p.misbehaviour},
        {"connectedSince", p.connectedSince},
        {"listenPort", p.listenPort},
    };
}

ApiResult PeersController::list() const
{
    QJsonArray peers;
    for (const PeerInfo& p : node_.peers()) peers.append(peerJson(p));
    return QJsonObject{{"peers", peers}};
}

ApiResult PeersController::disconnect(const QString& id)
{
    static const QRegularExpression nodeId(QRegularExpression::anchoredPattern("[0-9a-fA-F]{64}"));
    static const QRegularExpression connection(QRegularExpression::anchoredPattern("[0-9]{1,19}"));
    QString normalized;  // the form the engine lists: lower-case hex, decimal without leading zeros
    if (nodeId.match(id).hasMatch())
        normalized = id.toLower();
    else if (connection.match(id).hasMatch())
        normalized = QString::number(id.toULongLong());
    else
        return ApiError{ApiError::BadRequest, "malformed_peer_id",
                        QString("'%1' is neither a node id (64 hex digits) nor a connection number").arg(id.left(80))};
    if (!node_.disconnectPeer(normalized))
        return ApiError{ApiError::NotFound, "peer_not_found", QString("no connected peer has the id %1").arg(normalized)};
    return QJsonObject{{"disconnected", normalized}};
}

} // namespace pb::api
