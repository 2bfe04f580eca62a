// A ByteLink over a real serial port (USB-serial reader, or a socat pty in tests) using the serialport package.
import { SerialPort } from 'serialport';
import { Listeners, type ByteLink } from './link.js';

/** Opens the port (rejects if it cannot); 'close' fires on our close, on unplug and on any read or write error. */
export async function openSerialLink(path: string, baudRate: number): Promise<ByteLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const data = new Listeners<[Uint8Array]>();
  const closed = new Listeners<[]>();
  let open = true;
  const gone = () => {
    if (!open) return;
    open = false;
    closed.emit();
    data.clear();
    closed.clear();
    if (port.isOpen) port.close(() => undefined);
  };
  port.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
  // serialport closes itself on a read/write error (DisconnectedError); 'end' is a zero-byte read, i.e. the line hung up.
  port.on('close', gone);
  port.on('end', gone);
  port.on('error', gone);
  return {
    write(bytes) {
      if (!open) return Promise.reject(new Error('link closed'));
      return new Promise((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()));
      });
    },
    onData: (listener) => data.add(listener),
    onClose: (listener) => closed.add(listener),
    async close() {
      if (!open) return;
      await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
      gone();
    },
  };
}
