// Reads the rights information aloud with the browser's own speech synthesis, in the person's
// language, and says so plainly when the device has no voice for it (issue 4 §3). No network use.
const box = document.querySelector('[data-lantern-speech]')
const button = document.querySelector('[data-lantern-read-aloud]')
const none = document.querySelector('[data-lantern-no-voice]')

function pickVoice(voices, wanted) {
  for (const tag of wanted) {
    const t = tag.toLowerCase()
    const v = voices.find((x) => x.lang.toLowerCase() === t || x.lang.toLowerCase().startsWith(`${t}-`))
    if (v) return v
  }
  return undefined
}

function markUsed() {
  const token = document.querySelector('meta[name="lantern-csrf"]')?.getAttribute('content')
  if (!token || !document.body.classList.contains('lantern-handover')) return
  fetch('/handover/read-aloud', { method: 'POST', headers: { 'x-csrf-token': token } }).catch(() => {})
}

if (box && button && none) {
  const spec = JSON.parse(box.getAttribute('data-lantern-speech') ?? '{}')
  const synth = window.speechSynthesis
  let speaking = false
  const setUp = () => {
    const voice = synth ? pickVoice(synth.getVoices(), spec.voices ?? [spec.lang]) : undefined
    if (!voice) {
      button.hidden = true
      none.hidden = false
      return
    }
    none.hidden = true
    button.hidden = false
    button.onclick = () => {
      if (speaking) {
        synth.cancel()
        speaking = false
        button.textContent = button.dataset.labelRead
        return
      }
      speaking = true
      button.textContent = button.dataset.labelStop
      markUsed()
      const texts = spec.texts ?? []
      texts.forEach((text, i) => {
        const u = new SpeechSynthesisUtterance(text)
        u.voice = voice
        u.lang = voice.lang
        if (i === texts.length - 1) {
          u.onend = () => {
            speaking = false
            button.textContent = button.dataset.labelRead
          }
        }
        synth.speak(u)
      })
    }
  }
  setUp()
  if (synth && 'onvoiceschanged' in synth) synth.addEventListener('voiceschanged', setUp)
}

for (const el of document.querySelectorAll('[data-lantern-print]')) el.hidden = false
