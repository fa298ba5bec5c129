//! A TCP proxy between the kiosk and the server that sees every request the kiosk sends.
//! Armed, it lets the next POST reach the server and then drops the connection instead
//! of passing the answer back: the kiosk sees a network error although the server has
//! issued the ticket. Holding, it keeps every POST from the server until released: the
//! kiosk's request is provably in flight meanwhile.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Clone)]
pub struct CuttingProxy {
    pub addr: SocketAddr,
    armed: Arc<AtomicBool>,
    cuts: Arc<AtomicUsize>,
    /// Every POST the kiosk sent through the proxy.
    posts: Arc<AtomicUsize>,
    /// POSTs kept from the server right now.
    held: Arc<AtomicUsize>,
    hold: Arc<watch::Sender<bool>>,
}

impl CuttingProxy {
    pub async fn start(upstream: SocketAddr) -> CuttingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = CuttingProxy {
            addr: listener.local_addr().unwrap(),
            armed: Arc::default(),
            cuts: Arc::default(),
            posts: Arc::default(),
            held: Arc::default(),
            hold: Arc::new(watch::channel(false).0),
        };
        let shared = proxy.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(shared.clone().relay(client, upstream));
            }
        });
        proxy
    }

    /// `http://` and the proxy's address: what the kiosk is given as its server.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The next POST's answer will be lost.
    pub fn arm(&self) {
        self.armed.store(true, Ordering::SeqCst);
    }

    /// How many answers were thrown away.
    pub fn cuts(&self) -> usize {
        self.cuts.load(Ordering::SeqCst)
    }

    /// On: POSTs are kept from the server. Off: the kept ones go on, in order of arrival.
    pub fn hold(&self, on: bool) {
        self.hold.send_replace(on);
    }

    /// How many POSTs are kept from the server right now.
    pub fn held(&self) -> usize {
        self.held.load(Ordering::SeqCst)
    }

    /// How many POSTs the kiosk has sent through the proxy.
    pub fn posts(&self) -> usize {
        self.posts.load(Ordering::SeqCst)
    }

    async fn relay(self, client: TcpStream, upstream: SocketAddr) {
        let Ok(server) = TcpStream::connect(upstream).await else {
            return;
        };
        let (mut client_read, mut client_write) = client.into_split();
        let (mut server_read, mut server_write) = server.into_split();
        let cutting = Arc::new(AtomicBool::new(false));
        let to_server = {
            let cutting = cutting.clone();
            let armed = self.armed.clone();
            let posts = self.posts.clone();
            let held = self.held.clone();
            let mut hold = self.hold.subscribe();
            async move {
                let mut buffer = vec![0u8; 16 * 1024];
                loop {
                    let n = match client_read.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => n,
                    };
                    // Without pipelining, every HTTP request starts a read.
                    if buffer[..n].starts_with(b"POST ") {
                        posts.fetch_add(1, Ordering::SeqCst);
                        if *hold.borrow_and_update() {
                            held.fetch_add(1, Ordering::SeqCst);
                            let released = hold.wait_for(|on| !*on).await.is_ok();
                            held.fetch_sub(1, Ordering::SeqCst);
                            if !released {
                                return;
                            }
                        }
                        if armed.swap(false, Ordering::SeqCst) {
                            cutting.store(true, Ordering::SeqCst);
                        }
                    }
                    if server_write.write_all(&buffer[..n]).await.is_err() {
                        return;
                    }
                }
            }
        };
        let to_client = async move {
            let mut buffer = vec![0u8; 16 * 1024];
            loop {
                let n = match server_read.read(&mut buffer).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                if cutting.load(Ordering::SeqCst) {
                    self.cuts.fetch_add(1, Ordering::SeqCst);
                    // Dropping both halves closes the kiosk's connection mid-request.
                    return;
                }
                if client_write.write_all(&buffer[..n]).await.is_err() {
                    return;
                }
            }
        };
        tokio::select! {
            () = to_server => {}
            () = to_client => {}
        }
    }
}
