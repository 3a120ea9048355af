package dev.latchkey.probes;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;

import java.util.Properties;
import java.util.Set;

/**
 * Mail servers with Jakarta Mail (Eclipse Angus): SMTP submission (implicit TLS, STARTTLS required, or plain) and
 * IMAP (implicit TLS or plain) log in with the user and password and log out; nothing is sent or read. The client
 * connects to the address the guard checked; TLS verifies the certificate against the host name.
 */
final class MailProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("smtp", "imap");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean smtp = target.driver().equals("smtp");
        String security = smtp ? target.optional("security").orElse("tls") : target.flag("tls", true) ? "tls" : "none";
        String protocol = (smtp ? "smtp" : "imap") + (security.equals("tls") ? "s" : "");
        int port = target.integer("port", smtp ? (security.equals("tls") ? 465 : 587) : (security.equals("tls") ? 993 : 143));
        String host = target.required("host");
        String address = target.checkedAddress(host);
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", String.valueOf(target.timeoutMillis()));
        properties.put(prefix + "timeout", String.valueOf(target.timeoutMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(target.timeoutMillis()));
        properties.put(prefix + "auth", "true");
        properties.put(prefix + "ssl.socketFactory",
                new NamedTlsSocketFactory(TrustedCertificates.sslContext(target.optional("caCertificate")), host));
        // The client is given the checked address: the factory above checks the certificate against the name instead.
        properties.put(prefix + "ssl.checkserveridentity", "false");
        if (security.equals("starttls")) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Session session = Session.getInstance(properties);
        try (Service service = smtp ? session.getTransport(protocol) : session.getStore(protocol)) {
            service.connect(address, port, target.required("username"), target.required("password"));
            return "logged in to the " + (smtp ? "SMTP" : "IMAP") + " server as " + target.required("username") + " over "
                    + (security.equals("none") ? "a plain connection" : security.equals("tls") ? "TLS" : "STARTTLS");
        } catch (AuthenticationFailedException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
        } catch (MessagingException e) {
            throw classified(e);
        }
    }

    private static Exception classified(MessagingException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("STARTTLS is required")) {
            return new ProbeFailure(FailureCategory.TLS, "the server does not offer STARTTLS");
        }
        if (message.contains("No authentication mechanisms") || message.contains("AUTH")) {
            return new ProbeFailure(FailureCategory.CONFIG, "the server offers no login here: " + message);
        }
        return e;
    }
}
