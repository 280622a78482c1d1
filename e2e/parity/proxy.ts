import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { PARITY } from "../support/ports";

/**
 * The parity stack's front: nginx terminates TLS for the public name with a self-signed
 * certificate, and forwards to the two instances round robin, or to the one a request names in
 * `x-parity-instance`.
 */

/** A self-signed certificate for the public name: cert.pem and key.pem in `dir`. */
export function makeCertificate(dir: string) {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${PARITY.publicName}`,
      "-addext",
      `subjectAltName=DNS:${PARITY.publicName}`,
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
}

function nginxConfig(dir: string): string {
  const [a, b] = PARITY.instancePorts;
  const proxied = (scheme: string) => `
    location / {
      proxy_pass http://$pantry_backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "close";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto ${scheme};
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_set_header X-Forwarded-Host "";
      proxy_set_header X-Parity-Instance "";
      proxy_set_header X-Request-Start "t=\${msec}";
      proxy_read_timeout 60s;
      add_header X-Parity-Upstream $upstream_addr always;
    }`;
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
${userInfo().uid === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  client_max_body_size 20m;
  upstream pantry_pool {
    server 127.0.0.1:${a} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:${b} max_fails=1 fail_timeout=2s;
  }
  map $http_x_parity_instance $pantry_backend {
    a 127.0.0.1:${a};
    b 127.0.0.1:${b};
    default pantry_pool;
  }
  server {
    listen 127.0.0.1:${PARITY.httpsPort} ssl;
    server_name ${PARITY.publicName};
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    ${proxied("https")}
  }
  server {
    listen 127.0.0.1:${PARITY.httpPort};
    server_name ${PARITY.publicName};
    ${proxied("http")}
  }
}
`;
}

/** nginx with its configuration in `dir` (beside the certificate), in the foreground. */
export function startNginx(dir: string): ChildProcess {
  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir));
  return spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "inherit"] });
}
