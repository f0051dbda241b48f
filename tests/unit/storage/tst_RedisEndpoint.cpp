#include "core/storage/RedisEndpoint.h"

#include <QtTest>

using pb::storage::RedisEndpoint;

class TestRedisEndpoint : public QObject {
    Q_OBJECT
private slots:
    void parsesValidUrls_data();
    void parsesValidUrls();
    void rejectsInvalidUrlsWithPreciseErrors_data();
    void rejectsInvalidUrlsWithPreciseErrors();
    void toStringHidesPasswords();
    void toStringParsesBackToTheSameEndpoint();
};

void TestRedisEndpoint::parsesValidUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("isUnix");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("socketPath");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("db");

    QTest::newRow("host port db") << "redis://localhost:6380/2" << false << "localhost" << 6380 << "" << "" << "" << 2;
    QTest::newRow("host only: defaults") << "redis://cache.example" << false << "cache.example" << 6379 << "" << "" << "" << 0;
    QTest::newRow("trailing slash") << "redis://h/" << false << "h" << 6379 << "" << "" << "" << 0;
    QTest::newRow("password") << "redis://:s3cret@10.0.0.5:7000/1" << false << "10.0.0.5" << 7000 << "" << "" << "s3cret" << 1;
    QTest::newRow("user and encoded password") << "redis://alice:p%40ss@h" << false << "h" << 6379 << "" << "alice" << "p@ss" << 0;
    QTest::newRow("raw @ in password") << "redis://:p@ss@h:1/0" << false << "h" << 1 << "" << "" << "p@ss" << 0;
    QTest::newRow("ipv6") << "redis://[::1]:6390/3" << false << "::1" << 6390 << "" << "" << "" << 3;
    QTest::newRow("scheme case") << "REDIS://Host:65535/15" << false << "Host" << 65535 << "" << "" << "" << 15;
    QTest::newRow("unix with db") << "unix:///var/run/redis.sock?db=4" << true << "" << 6379 << "/var/run/redis.sock" << "" << "" << 4;
    QTest::newRow("unix plain") << "unix:///tmp/r.sock" << true << "" << 6379 << "/tmp/r.sock" << "" << "" << 0;
    QTest::newRow("unix password") << "unix:///tmp/r.sock?db=1&password=pw" << true << "" << 6379 << "/tmp/r.sock" << "" << "pw" << 1;
    QTest::newRow("bare path") << "/tmp/node/redis.sock" << true << "" << 6379 << "/tmp/node/redis.sock" << "" << "" << 0;
}

void TestRedisEndpoint::parsesValidUrls()
{
    QFETCH(QString, url);
    QString error;
    const auto ep = RedisEndpoint::parse(url, &error);
    QVERIFY2(ep, qPrintable(error));
    QFETCH(bool, isUnix);
    QCOMPARE(ep->kind == RedisEndpoint::Kind::Unix, isUnix);
    QTEST(ep->host, "host");
    QTEST(ep->port, "port");
    QTEST(ep->socketPath, "socketPath");
    QTEST(ep->username, "username");
    QTEST(ep->password, "password");
    QTEST(ep->db, "db");
}

void TestRedisEndpoint::rejectsInvalidUrlsWithPreciseErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << "" << "empty URL";
    QTest::newRow("http scheme") << "http://host" << "unsupported scheme 'http://'";
    QTest::newRow("tls") << "rediss://host" << "TLS (rediss://) is not supported";
    QTest::newRow("no scheme") << "localhost:6379" << "expected redis://host[:port][/db]";
    QTest::newRow("relative path") << "run/redis.sock" << "expected redis://host[:port][/db]";
    QTest::newRow("nothing after scheme") << "redis://" << "empty host";
    QTest::newRow("port without host") << "redis://:6379" << "empty host";
    QTest::newRow("empty port") << "redis://host:" << "empty port after ':'";
    QTest::newRow("port not numeric") << "redis://host:abc" << "port 'abc' is not a number";
    QTest::newRow("negative port") << "redis://host:-1" << "port '-1' is not a number";
    QTest::newRow("port zero") << "redis://host:0" << "port 0 is out of range (1-65535)";
    QTest::newRow("port too big") << "redis://host:65536" << "port 65536 is out of range";
    QTest::newRow("port huge") << "redis://host:99999999999" << "port 99999999999 is out of range";
    QTest::newRow("db not numeric") << "redis://host/abc" << "database 'abc' is not a non-negative number";
    QTest::newRow("db negative") << "redis://host/-1" << "database '-1'";
    QTest::newRow("db path") << "redis://host/1/2" << "database '1/2'";
    QTest::newRow("db overflow") << "redis://host/99999999999" << "database '99999999999'";
    QTest::newRow("query on tcp") << "redis://host?db=1" << "only accepted in unix:// URLs";
    QTest::newRow("user without colon") << "redis://user@host" << "[user]:password@";
    QTest::newRow("empty password") << "redis://:@host" << "empty password";
    QTest::newRow("unbracketed ipv6") << "redis://::1:6379" << "IPv6 addresses must be in brackets";
    QTest::newRow("unclosed bracket") << "redis://[::1:6379" << "missing ']'";
    QTest::newRow("junk after ipv6") << "redis://[::1]x" << "unexpected 'x'";
    QTest::newRow("unix relative") << "unix://relative.sock" << "unix:// needs an absolute path";
    QTest::newRow("unix nothing") << "unix://" << "unix:// needs an absolute path";
    QTest::newRow("unix root") << "unix:///" << "empty unix socket path";
    QTest::newRow("unix bad db") << "unix:///tmp/r.sock?db=x" << "database 'x'";
    QTest::newRow("unix unknown param") << "unix:///tmp/r.sock?foo=1" << "unknown query parameter 'foo'";
    QTest::newRow("unix param without value") << "unix:///tmp/r.sock?db" << "query parameter 'db' has no value";
    QTest::newRow("socket path too long") << "/" + QString(120, u'a') << "121 bytes; the limit is 107";
    QTest::newRow("unix path too long") << "unix:///" + QString(107, u'b') << "108 bytes; the limit is 107";
}

void TestRedisEndpoint::rejectsInvalidUrlsWithPreciseErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!RedisEndpoint::parse(url, &error));
    QVERIFY2(error.startsWith(QLatin1String("invalid Redis URL: ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestRedisEndpoint::toStringHidesPasswords()
{
    const auto tcp = RedisEndpoint::parse(QStringLiteral("redis://bob:s3cret@h:1/2"), nullptr);
    QVERIFY(tcp);
    QCOMPARE(tcp->toString(), QStringLiteral("redis://bob:***@h:1/2"));
    const auto local = RedisEndpoint::parse(QStringLiteral("unix:///x.sock?password=s3cret&db=1"), nullptr);
    QVERIFY(local);
    QCOMPARE(local->toString(), QStringLiteral("unix:///x.sock?db=1&password=***"));
}

void TestRedisEndpoint::toStringParsesBackToTheSameEndpoint()
{
    for (const char* url : {"redis://h", "redis://[::1]:6390/3", "unix:///tmp/r.sock?db=7", "/tmp/r.sock"}) {
        const auto ep = RedisEndpoint::parse(QString::fromLatin1(url), nullptr);
        QVERIFY(ep);
        QString error;
        const auto again = RedisEndpoint::parse(ep->toString(), &error);
        QVERIFY2(again, qPrintable(url + (": " + error)));
        QVERIFY2(*again == *ep, url);
    }
}

QTEST_GUILESS_MAIN(TestRedisEndpoint)
#include "tst_RedisEndpoint.moc"
