#pragma once
// How the REST API is exposed: where it listens, under which names, who may call it from a
// browser, how fast one client may call, where paired devices and the operator's token are
// kept, and TLS.
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace pb::api {

struct RestSettings {
    quint16 port = 0;              // 0: a free port
    bool listenAll = false;        // every interface (phones on the LAN); loopback only otherwise
    QStringList corsOrigins;       // browser origins allowed to call, e.g. "http://192.168.1.5:8645"
    double requestsPerSecond = 50; // per client address, with bursts of twice that; <= 0: no limit
    QString devicesFile;           // paired devices; empty: pairing is off
    QString tlsCertificate;        // PEM files, both or neither: HTTPS instead of HTTP
    QString tlsKey;
    QStringList hostNames;         // --rest-host: names clients may use in Host besides the node's own
    QList<QHostAddress> trustedProxies;  // --rest-trusted-proxy: their X-Forwarded-For names the client
    QString operatorCookieFile;    // <datadir>/api.cookie, written at start; empty: no cookie
    QString operatorTokenFile;     // --rest-operator-token-file: a fixed operator token as well
};

} // namespace pb::api
