#!/usr/bin/env python3
"""Turns real FreeSWITCH ESL captures into the simulator's event scripts (src/main/resources/sim/scripts).

Run once by hand: python3 extract_scripts.py <captures-dir> <out-dir>. The simulator never reads the captures
at run time; it replays these scripts, with every identity, time and outcome replaced by a placeholder.
"""
import os, re, sys

UUID = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
DROP = {'API', 'HEARTBEAT', 'RE_SCHEDULE'}
CORE = 13
KEEP_CORE = {'Event-Name', 'Event-Calling-File', 'Event-Calling-Function', 'Event-Calling-Line-Number'}
CAUSE_Q850 = {'NORMAL_CLEARING': 16, 'USER_BUSY': 17, 'NO_ANSWER': 19, 'CALL_REJECTED': 21,
              'NORMAL_TEMPORARY_FAILURE': 41, 'NO_ROUTE_DESTINATION': 3, 'ORIGINATOR_CANCEL': 487}

def frames(data):
    i, out = 0, []
    while i < len(data):
        j = data.find(b'\n\n', i)
        if j < 0:
            break
        hs = [l.split(': ', 1) for l in data[i:j].decode('latin1').split('\n') if l]
        i = j + 2
        d = {h[0]: (h[1] if len(h) > 1 else '') for h in hs}
        body = b''
        if 'Content-Length' in d:
            n = int(d['Content-Length']); body = data[i:i + n]; i += n
        out.append((d, body))
    return out

def ev_headers(body):
    text = body.decode('latin1')
    k = text.find('\n\n')
    head = text if k < 0 else text[:k]
    return [tuple(l.split(': ', 1)) if ': ' in l else (l.rstrip(':'), '') for l in head.split('\n') if l]

def commands(tx):
    return [c.split('\n')[0] for c in tx.decode('latin1').split('\n\n') if c.strip()]

def extract(cap_dir, name):
    rx = open(os.path.join(cap_dir, name + '.rx.raw'), 'rb').read()
    tx = open(os.path.join(cap_dir, name + '.tx.raw'), 'rb').read()
    cmds = commands(tx)
    orig_uuids = re.findall(r'origination_uuid=([0-9a-f-]{36})', tx.decode())
    user_vars = []
    for c in cmds:
        m = re.search(r'\{([^}]*)\}', c)
        if m:
            user_vars = [kv.split('=', 1)[0] for kv in m.group(1).split(',')]
    sofia = '/sofia' in name or name.startswith('2')
    roles, counters = {}, {}
    target = None
    m = re.search(r'sofia/internal/(\S+)', tx.decode())
    if m:
        target = m.group(1)

    def role_of(uid, chan_name):
        if uid in roles:
            return roles[uid]
        if uid in orig_uuids:
            r = 'c%d.a' % (orig_uuids.index(uid) + 1)
        else:
            kind = 'b' if chan_name.endswith('-b') else 'tmp'
            counters[kind] = counters.get(kind, 0) + 1
            r = 'c%d.%s' % (counters[kind], kind)
        roles[uid] = r
        return r

    segs, cur = [], None
    cmd_idx = 0
    replies = 0
    seen_codec, seen_hangup = set(), False

    def start(label):
        nonlocal cur
        cur = {'label': label, 'events': [], 't0': None}
        segs.append(cur)

    # the reply frames in order: auth/request, then one per command
    command_replies = [c for c in cmds]
    for d, body in frames(rx):
        ct = d.get('Content-Type')
        if ct in ('command/reply', 'api/response'):
            c = command_replies[replies] if replies < len(command_replies) else ''
            replies += 1
            verb = c.split(' ')[1] if c.startswith(('api ', 'bgapi ')) else c.split(' ')[0]
            if verb in ('originate', 'uuid_kill', 'uuid_bridge'):
                start(verb)
            continue
        if ct != 'text/event-plain':
            continue
        hs = ev_headers(body)
        h = dict(hs)
        en = h['Event-Name']
        if en in DROP:
            continue
        ts = int(h['Event-Date-Timestamp'])
        if cur is None:
            start('originate')
        if en == 'BACKGROUND_JOB':
            if h.get('Job-Command') == 'originate':
                cur['events'].append(('JOB', ts, None))
            continue
        uid = h.get('Unique-ID', '')
        # the ringing call is answered (first CODEC of a sofia leg) or hangs up while ringing
        if sofia and en == 'CODEC' and uid not in seen_codec and cur['label'] == 'originate':
            seen_codec.add(uid)
            start('answer')
        if en == 'CHANNEL_HANGUP' and not seen_hangup and cur['label'] in ('originate', 'answer') \
                and h.get('Answer-State') != 'answered' and (sofia or name.startswith('07')):
            seen_hangup = True
            start('hangup')
        if en == 'CHANNEL_HANGUP' and not seen_hangup and cur['label'] == 'answer' and name.startswith('21'):
            seen_hangup = True
            start('hangup')
        seen_codec.add(uid) if en == 'CODEC' else None
        for k, v in hs:
            for u in UUID.findall(v):
                if k in ('Core-UUID', 'Job-UUID'):
                    continue
                nm = h.get('Channel-Name', '') if u == uid else ''
                role_of(u, nm.replace('%40', '@'))
        cur['events'].append(('EV', ts, (en, hs)))
        if cur['t0'] is None:
            cur['t0'] = ts

    out = []
    cause_values = set()
    for seg in segs:
        out.append('SEG %s %d' % (seg['label'], seg['t0'] or 0))
        t0 = seg['t0'] or 0
        for kind, ts, payload in seg['events']:
            rel = max(0, ts - t0)
            if kind == 'JOB':
                out.append('JOB %d' % rel)
                continue
            en, hs = payload
            h = dict(hs)
            cause = h.get('Hangup-Cause')
            out.append('EV %d %s' % (rel, en))
            for i, (k, v) in enumerate(hs):
                if i < CORE and k not in KEEP_CORE:
                    continue  # identity, date and sequence headers are rebuilt at run time
                out.append(k + '\t' + placeholder(k, v, roles, target, cause, user_vars))
        out.append('END')
    return '\n'.join(out) + '\n'

def placeholder(k, v, roles, target, cause, user_vars):
    if k.startswith('variable_') and k[9:] in user_vars:
        return '⟨ovar⟩'
    for u, r in roles.items():
        v = v.replace(u, '⟨' + r + '⟩')
    if re.fullmatch(r'1[67]\d{14}', v):
        return '⟨us:' + v + '⟩'
    if re.fullmatch(r'1[67]\d{8}', v) and k.startswith('variable_'):
        return '⟨s:' + v + '⟩'
    if re.fullmatch(r'1[67]\d{11}', v) and k.startswith('variable_'):
        return '⟨ms:' + v + '⟩'
    if k in ('variable_duration', 'variable_billsec', 'variable_progresssec', 'variable_answersec',
             'variable_waitsec', 'variable_progress_mediasec', 'variable_flow_billsec', 'variable_mduration',
             'variable_billmsec', 'variable_progressmsec', 'variable_answermsec', 'variable_waitmsec',
             'variable_progress_mediamsec', 'variable_flow_billmsec', 'variable_uduration', 'variable_billusec',
             'variable_progressusec', 'variable_answerusec', 'variable_waitusec', 'variable_progress_mediausec',
             'variable_flow_billusec'):
        return '⟨dur:' + k[9:] + '⟩'
    if k == 'variable_sip_call_id':
        return '⟨sip_call_id⟩'
    if target:
        enc = target.replace('@', '%40').replace(':', '%3A')
        v = v.replace(enc, '⟨target⟩')
        host = target.split('@', 1)[1].replace(':', '%3A')
        user = target.split('@', 1)[0]
        if k in ('variable_sip_to_host',):
            v = v.replace(host, '⟨target_host⟩')
        if v == user and k in ('Caller-Callee-ID-Number', 'Caller-Destination-Number', 'Other-Leg-Callee-ID-Number',
                               'Other-Leg-Destination-Number', 'variable_sip_to_user', 'variable_sip_req_user',
                               'variable_callee_id_number', 'variable_dialed_user', 'variable_sip_contact_user'):
            v = '⟨dest⟩'
    if cause and cause != 'NORMAL_CLEARING':
        if v == cause:
            v = '⟨cause⟩'
        if k in ('variable_hangup_cause_q850', 'variable_sip_term_cause') and v == str(CAUSE_Q850.get(cause, -1)):
            v = '⟨q850⟩'
        if k in ('variable_sip_term_status', 'variable_sip_invite_failure_status'):
            v = '⟨sip_status⟩'
        if k == 'variable_proto_specific_hangup_cause':
            v = 'sip%3A⟨sip_status⟩'
    return v

if __name__ == '__main__':
    cap, out_dir = sys.argv[1], sys.argv[2]
    for n in ['05_answered', '06_busy', '07_noanswer', '08_early_media', '09_no_route', '09b_call_rejected',
              '10_uuid_bridge', '11_uuid_kill', '20_sofia_answered', '21_sofia_callee_bye', '22_sofia_busy',
              '23_sofia_noanswer', '24_sofia_unreachable', '25_sofia_uuid_bridge', '15_avmd_beep']:
        with open(os.path.join(out_dir, n + '.script'), 'w', encoding='utf-8') as f:
            f.write(extract(cap, n))
