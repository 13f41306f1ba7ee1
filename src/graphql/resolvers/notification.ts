import type { Resolvers } from '../resolver-types.js';
import { notificationPackets } from '../../domain/notification-packets.js';
import { packetMarkdown } from '../../notify/packet-markdown.js';
import { packetFileName } from '../../notify/write-packets.js';

export const notificationResolvers: Resolvers = {
  Query: {
    notificationPackets: async (_, { incident, controller }, { store }) => {
      const { packets } = await notificationPackets(store, incident, controller ?? undefined);
      return packets.map((p) => ({
        ...p.controller,
        incident: p.incident,
        clockStarted: p.clockStarted,
        undisclosed: p.undisclosed,
        obligations: p.obligations,
        markdown: packetMarkdown(p),
        fileName: packetFileName(p.incident.id, p.controller.party, 'md'),
      }));
    },
  },
};
